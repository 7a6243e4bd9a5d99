using AcsTeamsAdmin.Cli.Commands;
using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Tests.Readiness;

/// <summary>
/// Runs a remedy line ("Set-AcsVoipPermission -AppId ... -MultiTenant") the way its cmdlet would: the
/// command and every parameter must exist (checked against the acsteams catalogue, which a parity test ties to
/// the compiled cmdlets), and the values are parsed by the same parsers the cmdlet uses.
/// </summary>
internal static class RemedyRunner
{
    public static async Task RunAsync(string remedy, AcsTeamsAdminConnection connection, OperationContext context)
    {
        var words = remedy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var command = CommandCatalog.Find(words[0]) ?? throw new InvalidOperationException($"The remedy names no command: {remedy}");
        var arguments = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var index = 1; index < words.Length; index++)
        {
            Assert.StartsWith("-", words[index], StringComparison.Ordinal);
            var name = words[index][1..];
            var parameter = command.Parameters.SingleOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.Ordinal));
            Assert.True(parameter is not null, $"{command.Name} has no parameter -{name} (remedy: {remedy})");
            arguments[name] = parameter.Kind == CliValueKind.Switch ? null : words[++index];
        }

        switch (command.Name)
        {
            case "New-AcsTeamsServicePrincipal":
                var appId = arguments.TryGetValue("AppId", out var given) ? AppId.Parse(given) : AppId.AcsFirstParty;
                await ServicePrincipalOperations.EnsureAsync(connection, appId, context);
                break;
            case "Set-AcsVoipPermission":
                var allowPublicClientFlows = arguments.ContainsKey("AllowPublicClientFlows");
                var settings = new AcsApplicationSettings
                {
                    AllowPublicClientFlows = allowPublicClientFlows,
                    RedirectUri = arguments.TryGetValue("RedirectUri", out var redirect) ? PublicClientRedirectUri.Parse(redirect)
                        : allowPublicClientFlows ? PublicClientRedirectUri.Default : null,
                    MultiTenant = arguments.ContainsKey("MultiTenant"),
                };
                await ApplicationOperations.SetAsync(connection, AppIdOrObjectId.Parse(arguments["AppId"]), settings, context);
                break;
            case "Grant-AcsAdminConsent":
                await ConsentOperations.GrantAsync(connection, AppId.Parse(arguments["AppId"]), AcsScope.Default, context);
                break;
            default:
                throw new InvalidOperationException($"No runner for the remedy {remedy}");
        }
    }
}
