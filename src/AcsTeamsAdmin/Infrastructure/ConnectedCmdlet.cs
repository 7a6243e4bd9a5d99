using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>A cmdlet that needs Connect-AcsTeamsAdmin first: resolves this runspace's connection once.</summary>
public abstract class ConnectedCmdlet : AsyncCmdlet
{
    private AcsTeamsAdminConnection? _connection;

    /// <summary>This runspace's connection; set before any *Async method runs.</summary>
    protected AcsTeamsAdminConnection Connection =>
        _connection ?? throw new InvalidOperationException("The connection is resolved in BeginProcessing.");

    protected override Task BeginProcessingAsync(PipelineStep pipeline)
    {
        _connection = PipelineRunspace is { } runspace ? ConnectionStore.Get(runspace) : null;
        if (_connection is null)
        {
            throw new AcsTeamsAdminException(ErrorIds.NotConnected, FailureCategory.AuthenticationError,
                $"{MyInvocation.MyCommand.Name} needs a connection, and this session has none.",
                "Run Connect-AcsTeamsAdmin first (or Connect-AcsTeamsAdmin -Sandbox to try it against the built-in emulator).");
        }

        return Task.CompletedTask;
    }
}
