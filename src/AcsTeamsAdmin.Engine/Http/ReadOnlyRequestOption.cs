using Microsoft.Kiota.Abstractions;

namespace AcsTeamsAdmin.Engine.Http;

/// <summary>
/// Marks a request that only reads although its method is POST (a Graph JSON batch of GET steps), so
/// <see cref="TransientFaultRetryHandler"/> may send it again after a dropped connection: re-sending a
/// read cannot create anything twice. Kiota copies request options into HttpRequestMessage.Options
/// under the option type's full name.
/// </summary>
internal sealed class ReadOnlyRequestOption : IRequestOption
{
    private static readonly HttpRequestOptionsKey<IRequestOption> Key = new(typeof(ReadOnlyRequestOption).FullName!);

    public static ReadOnlyRequestOption Instance { get; } = new();

    public static bool IsMarked(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var option) && option is ReadOnlyRequestOption;

    public static void Mark(HttpRequestMessage request) => request.Options.Set(Key, Instance);
}
