namespace AcsTeamsAdmin.Benchmarks;

/// <summary>
/// Managed heap after a full collection at every 10% of a run: a flat series means nothing accumulates
/// per item (the sandbox's own state, which does grow, is the same in every mode).
/// </summary>
internal sealed class HeapSampler(int total)
{
    private readonly int _step = Math.Max(1, total / 10);
    private int _next = Math.Max(1, total / 10);

    public double MinMb { get; private set; } = double.MaxValue;

    public double MaxMb { get; private set; }

    public void Done(int finished)
    {
        if (finished < _next)
        {
            return;
        }

        _next = finished + _step;
        var mb = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0;
        MinMb = Math.Min(MinMb, mb);
        MaxMb = Math.Max(MaxMb, mb);
    }
}
