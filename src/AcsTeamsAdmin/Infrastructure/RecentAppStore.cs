using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using AcsTeamsAdmin.Engine.Completion;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// The apps each runspace has seen, for AppIdCompleter. Per runspace like ConnectionStore (two runspaces may
/// work in different tenants); the list goes away with its runspace.
/// </summary>
internal static class RecentAppStore
{
    private static readonly ConditionalWeakTable<Runspace, RecentApps> Lists = new();

    public static RecentApps For(Runspace runspace) => Lists.GetValue(runspace, _ => new RecentApps());
}
