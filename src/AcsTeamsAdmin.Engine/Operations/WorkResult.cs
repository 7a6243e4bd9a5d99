namespace AcsTeamsAdmin.Engine.Operations;

/// <summary>One finished item of a <see cref="BoundedWorkPool{T}"/>: its input number and a value or the failure.</summary>
public sealed record WorkResult<T>(int Item, T? Value, Exception? Error)
{
    public bool Succeeded => Error is null;
}
