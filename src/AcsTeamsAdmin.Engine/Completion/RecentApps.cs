using System.Globalization;

namespace AcsTeamsAdmin.Engine.Completion;

/// <summary>
/// The client/app ids a session has met, newest first, with their display names when known: what
/// -AppId, -ApplicationId and -ClientId offer on Tab. Bounded, so a loop over thousands of apps keeps
/// only the latest; thread-safe, because cmdlets report from worker threads while completion reads.
/// Holds ids and names only: nothing secret.
/// </summary>
public sealed class RecentApps
{
    public const int DefaultCapacity = 30;

    private readonly object _gate = new();
    private readonly LinkedList<(Guid Id, string? Name)> _apps = new();

    public RecentApps(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>Moves the app to the front; a null or empty name keeps the name seen before. Ignores anything that is not a GUID.</summary>
    public void Remember(string? appId, string? displayName = null)
    {
        if (!Guid.TryParse(appId, out var id) || id == Guid.Empty)
        {
            return;
        }

        lock (_gate)
        {
            var name = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
            for (var node = _apps.First; node is not null; node = node.Next)
            {
                if (node.Value.Id == id)
                {
                    name ??= node.Value.Name;
                    _apps.Remove(node);
                    break;
                }
            }

            _apps.AddFirst((id, name));
            while (_apps.Count > Capacity)
            {
                _apps.RemoveLast();
            }
        }
    }

    /// <summary>Remembers every app <paramref name="output"/> names (see <see cref="AppSightings"/>).</summary>
    public void RememberFrom(object? output)
    {
        foreach (var (appId, name) in AppSightings.In(output))
        {
            Remember(appId, name);
        }
    }

    /// <summary>Newest first: the id to insert, the name as tooltip and as a second thing to type.</summary>
    public IReadOnlyList<CompletionCandidate> Candidates()
    {
        lock (_gate)
        {
            return _apps.Select(app =>
            {
                var id = app.Id.ToString("D", CultureInfo.InvariantCulture);
                return app.Name is null
                    ? new CompletionCandidate(id, id, $"{id} (seen in this session)")
                    : new CompletionCandidate(id, $"{id} ({app.Name})", $"{app.Name}: {id}", app.Name);
            }).ToArray();
        }
    }
}
