using System.Management.Automation;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Ends this session's connection and forgets its tokens; returns what the connection was, like
/// Disconnect-MgGraph. A sandbox started from -SandboxStatePath is saved back to that file.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "AcsTeamsAdmin")]
[OutputType(typeof(ConnectionInfo))]
public sealed class DisconnectAcsTeamsAdminCommand : AsyncCmdlet
{
    protected override Task EndProcessingAsync(PipelineStep pipeline)
    {
        if (PipelineRunspace is { } runspace && ConnectionStore.Get(runspace) is { } connection)
        {
            var info = connection.Info;
            if (connection.SaveSandboxState() is { } path)
            {
                pipeline.Context.Log.Verbose($"Saved the sandbox state to {path}.");
            }

            ConnectionStore.Set(runspace, null);
            pipeline.WriteObject(info);
        }

        return Task.CompletedTask;
    }
}
