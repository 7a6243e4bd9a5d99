using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Sandbox;

namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>Starts an in-process sandbox, fresh or from a saved state file.</summary>
internal static class SandboxLoader
{
    public static SandboxService Create(string? statePath)
    {
        if (statePath is null)
        {
            return new SandboxService();
        }

        if (!File.Exists(statePath))
        {
            throw AcsTeamsAdminException.InvalidInput("SandboxStatePath", statePath, "names no file.",
                "Pass the path of a state file saved from a sandbox (GET /_sandbox/state or the sandbox's --state option).", ErrorIds.SandboxStateUnreadable);
        }

        try
        {
            return SandboxService.LoadState(statePath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException)
        {
            throw new AcsTeamsAdminException(ErrorIds.SandboxStateUnreadable, FailureCategory.InvalidData,
                $"-SandboxStatePath: '{statePath}' is not a readable sandbox state file ({error.GetType().Name}).",
                "Pass a file saved from a sandbox, or omit -SandboxStatePath to start from the default seeded tenants.", statePath, error)
            {
                ParameterName = "SandboxStatePath",
            };
        }
    }
}
