using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using AcsTeamsAdmin.Engine.Connections;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// The connection of each runspace. Not a process-wide static: two runspaces (ForEach-Object
/// -Parallel, a PowerShell host running several sessions) can be connected to different tenants.
/// The entry goes away with its runspace.
/// </summary>
internal static class ConnectionStore
{
    private static readonly ConditionalWeakTable<Runspace, Slot> Slots = new();

    public static AcsTeamsAdminConnection? Get(Runspace runspace) =>
        Slots.TryGetValue(runspace, out var slot) ? slot.Connection : null;

    /// <summary>Replaces (and disposes) the runspace's connection; null disconnects.</summary>
    public static void Set(Runspace runspace, AcsTeamsAdminConnection? connection)
    {
        var slot = Slots.GetValue(runspace, _ => new Slot());
        var previous = Interlocked.Exchange(ref slot.Connection, connection);
        if (!ReferenceEquals(previous, connection))
        {
            previous?.Dispose();
        }
    }

    private sealed class Slot
    {
        public AcsTeamsAdminConnection? Connection;
    }
}
