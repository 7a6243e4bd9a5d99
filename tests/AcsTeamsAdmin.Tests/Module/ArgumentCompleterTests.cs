using System.Reflection;

namespace AcsTeamsAdmin.Tests.PowerShellModule;

/// <summary>
/// Tab completion where users expect it, read from the compiled cmdlets: every parameter that takes an app
/// id, an ACS scope or an api-version has the right completer, and environments are enums (PowerShell
/// completes those by itself).
/// </summary>
public sealed class ArgumentCompleterTests : IDisposable
{
    private const string Completer = "System.Management.Automation.ArgumentCompleterAttribute";

    private static readonly Dictionary<string, string> CompleterByParameter = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AppId"] = "AppIdCompleter",
        ["ApplicationId"] = "AppIdCompleter",
        ["ClientId"] = "AppIdCompleter",
        ["ApiVersion"] = "AcsApiVersionCompleter",
    };

    private readonly CompiledCmdlets _compiled = CompiledCmdlets.Load(ModulePaths.BinFolder(RepositoryLayout.ModuleFolder), RepositoryLayout.SystemManagementAutomationReference);

    public void Dispose() => _compiled.Dispose();

    [Fact]
    public void Every_app_id_and_api_version_parameter_has_its_completer()
    {
        var checkedParameters = 0;
        var wrong = new List<string>();
        foreach (var (cmdlet, parameter) in Parameters())
        {
            if (CompleterByParameter.TryGetValue(parameter.Name, out var expected))
            {
                checkedParameters++;
                if (CompleterOf(parameter) != expected)
                {
                    wrong.Add($"{cmdlet.Name} -{parameter.Name}: {CompleterOf(parameter) ?? "none"}, expected {expected}");
                }
            }
        }

        Assert.True(checkedParameters >= 12, $"Only {checkedParameters} app id / api-version parameters were found.");
        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_Scope_parameter_completes_acs_token_scopes_on_ACS_cmdlets_and_ACS_permissions_elsewhere()
    {
        var scopes = Parameters().Where(p => p.Parameter.Name == "Scope").ToArray();
        Assert.True(scopes.Length >= 7, $"Only {scopes.Length} -Scope parameters were found.");

        var wrong = scopes
            .Select(p => (p.Cmdlet, Expected: IsAcsIdentityCmdlet(p.Cmdlet) ? "AcsTokenScopeCompleter" : "AcsScopeCompleter", Actual: CompleterOf(p.Parameter)))
            .Where(p => p.Expected != p.Actual)
            .Select(p => $"{p.Cmdlet.Name} -Scope: {p.Actual ?? "none"}, expected {p.Expected}")
            .ToArray();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Environment_parameters_are_enums_so_PowerShell_completes_them()
    {
        var environments = Parameters().Where(p => p.Parameter.Name == "Environment").ToArray();
        Assert.NotEmpty(environments);
        Assert.All(environments, p => Assert.True(p.Parameter.PropertyType.IsEnum, $"{p.Cmdlet.Name} -Environment is {p.Parameter.PropertyType}."));
    }

    private IEnumerable<(CmdletDefinition Cmdlet, PropertyInfo Parameter)> Parameters()
    {
        Assert.NotEmpty(_compiled.Cmdlets);
        return _compiled.Cmdlets.SelectMany(cmdlet => cmdlet.Parameters.Select(parameter => (cmdlet, parameter)));
    }

    // ACS identity cmdlets (New-AcsIdentity, New-AcsAccessToken, ...) derive from AcsCmdlet; their -Scope is a token scope.
    private static bool IsAcsIdentityCmdlet(CmdletDefinition cmdlet)
    {
        for (var type = cmdlet.Type.BaseType; type is not null; type = type.BaseType)
        {
            if (type.Name == "AcsCmdlet")
            {
                return true;
            }
        }

        return false;
    }

    private static string? CompleterOf(PropertyInfo parameter) =>
        parameter.GetCustomAttributesData()
            .Where(a => a.AttributeType.FullName == Completer)
            .Select(a => a.ConstructorArguments.FirstOrDefault().Value as Type)
            .Select(type => type?.Name)
            .FirstOrDefault();
}
