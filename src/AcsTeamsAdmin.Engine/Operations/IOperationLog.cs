namespace AcsTeamsAdmin.Engine.Operations;

/// <summary>
/// Verbose, debug and warning text from the engine. Nothing written here may contain a token, key,
/// secret or connection string: messages are composed from identifiers, never from credentials.
/// </summary>
public interface IOperationLog
{
    void Verbose(string message);

    void Debug(string message);

    void Warning(string message);
}
