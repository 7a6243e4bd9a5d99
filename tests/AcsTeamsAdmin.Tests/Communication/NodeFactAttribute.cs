namespace AcsTeamsAdmin.Tests.Communication;

/// <summary>A fact that needs node on PATH; skipped, saying so, only when node is absent (.ci/run installs it).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeRunner.NodePath is null)
        {
            Skip = "node is not installed (PATH has no node executable): the official ACS JavaScript SDK contract test cannot run. Install Node.js 18+ (.ci/run does).";
        }
    }
}
