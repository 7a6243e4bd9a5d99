namespace AcsTeamsAdmin.Engine.Http;

/// <summary>
/// Marks a request that only reads although its method is POST (a Graph JSON batch of GET steps), so
/// <see cref="TransientFaultRetryHandler"/> may send it again after a dropped connection: re-sending a
/// read cannot create anything twice. A plain HttpRequestMessage option: no SDK type is needed to set or read it.
/// </summary>
internal static class ReadOnlyRequestOption
{
    private static readonly HttpRequestOptionsKey<bool> Key = new(typeof(ReadOnlyRequestOption).FullName!);

    public static bool IsMarked(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var marked) && marked;

    public static void Mark(HttpRequestMessage request) => request.Options.Set(Key, true);
}
