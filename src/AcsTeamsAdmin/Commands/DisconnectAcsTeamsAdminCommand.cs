using System.Management.Automation;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>Ends this session's connection and forgets its tokens; returns what the connection was, like Disconnect-MgGraph.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "AcsTeamsAdmin")]
[OutputType(typeof(ConnectionInfo))]
public sealed class DisconnectAcsTeamsAdminCommand : AsyncCmdlet
{
    protected override Task EndProcessingAsync()
    {
        if (PipelineRunspace is { } runspace && ConnectionStore.Get(runspace) is { } connection)
        {
            var info = connection.Info;
            ConnectionStore.Set(runspace, null);
            PostObject(info);
        }

        return Task.CompletedTask;
    }
}
