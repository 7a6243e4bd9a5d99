using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>
/// Starts an in-process sandbox: fresh, or from a state file. The file is a fixture, only read, unless
/// the session saves its state back (-SaveSandboxState); then a file that does not exist yet starts a
/// fresh sandbox whose state will be saved there, so a first run needs no setup step.
/// </summary>
internal static class SandboxLoader
{
    public static InProcessSandbox Create(string? statePath, bool saveState, IOperationLog log)
    {
        if (statePath is null)
        {
            return saveState
                ? throw AcsTeamsAdminException.InvalidInput("SaveSandboxState", true, "needs a file to save to.",
                    "Add -SandboxStatePath FILE (the state is read from it if it exists, and saved to it when the session ends).", ErrorIds.MissingParameter)
                : InProcessSandbox.Start(null);
        }

        if (!File.Exists(statePath))
        {
            if (!saveState)
            {
                throw new AcsTeamsAdminException(ErrorIds.SandboxStateUnreadable, FailureCategory.ObjectNotFound,
                    $"-SandboxStatePath: there is no file '{statePath}'.",
                    "Pass a state file that exists, or add -SaveSandboxState to start from the default seeded " +
                    "tenants and save the state there when the session ends.",
                    statePath)
                {
                    ParameterName = "SandboxStatePath",
                };
            }

            log.Verbose($"No sandbox state at {statePath} yet: starting from the default seeded tenants; the state will be saved there when the session ends.");
            return InProcessSandbox.Start(null);
        }

        try
        {
            return InProcessSandbox.Start(statePath);
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
