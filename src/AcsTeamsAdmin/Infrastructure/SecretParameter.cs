using System.Management.Automation;
using System.Security;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// Parameters that take a secret as a SecureString or, for scripts that already hold it as text, a string (typed
/// object, so both bind without a transformation that could echo the value). An object with a Token property
/// (Get-AcsTeamsUserAadToken's, Get-AzAccessToken's) gives its token.
/// </summary>
internal static class SecretParameter
{
    public static string? Read(object? value, string parameterName, string kind)
    {
        var inner = value is PSObject wrapped ? wrapped.BaseObject : value;
        if (inner is null or string or SecureString)
        {
            return inner is SecureString secure ? SecureStrings.Reveal(secure) : (string?)inner;
        }

        // A token object (ours, Get-AzAccessToken's, a PSCustomObject) gives its Token property.
        var token = PSObject.AsPSObject(value).Properties["Token"];
        if (token is not null)
        {
            return Read(token.Value, parameterName, kind);
        }

        throw AcsTeamsAdminException.InvalidInput(parameterName, SensitiveInput.Of(kind), $"takes a SecureString or a string, not a {inner.GetType().Name}.",
            $"Pass the {kind} as a SecureString (Read-Host -AsSecureString, Get-Secret) or as a string.");
    }
}
