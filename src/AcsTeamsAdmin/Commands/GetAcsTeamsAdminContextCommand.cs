using System.Management.Automation;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>Shows this session's connection (tenant, account, sign-in mode, Graph permissions); nothing when not connected.</summary>
[Cmdlet(VerbsCommon.Get, "AcsTeamsAdminContext")]
[OutputType(typeof(ConnectionInfo))]
public sealed class GetAcsTeamsAdminContextCommand : AsyncCmdlet
{
    protected override Task EndProcessingAsync(PipelineStep pipeline)
    {
        if (PipelineRunspace is { } runspace && ConnectionStore.Get(runspace) is { } connection)
        {
            pipeline.WriteObject(connection.Info);
        }

        return Task.CompletedTask;
    }
}
