using System.Reflection;
using System.Runtime.InteropServices;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Tests.Engine;

/// <summary>
/// The cmdlet layer maps FailureCategory to PowerShell's ErrorCategory by name; a name PowerShell
/// lacks would silently become NotSpecified. Checked against System.Management.Automation's
/// reference assembly through metadata, without running PowerShell.
/// </summary>
public class FailureCategoryTests
{
    [Fact]
    public void Every_failure_category_is_a_PowerShell_ErrorCategory()
    {
        var runtime = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll");
        using var context = new MetadataLoadContext(new PathAssemblyResolver([.. runtime, RepositoryLayout.SystemManagementAutomationReference]));
        var sma = context.LoadFromAssemblyPath(RepositoryLayout.SystemManagementAutomationReference);
        var errorCategory = sma.GetType("System.Management.Automation.ErrorCategory", throwOnError: true)!;
        var powerShellNames = errorCategory.GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => field.Name).ToHashSet();

        Assert.True(powerShellNames.Count > 20, "ErrorCategory was not read from the reference assembly.");
        Assert.All(Enum.GetNames<FailureCategory>(), name => Assert.Contains(name, powerShellNames));
    }
}
