using System.Management.Automation;
using System.Security;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// Lets a SecureString parameter take what the secret parameters of the ACS cmdlets take (<see cref="SecretParameter"/>):
/// a SecureString, a string a script already holds, or an object with a Token property. PowerShell's own conversion
/// refuses a string with "Cannot convert System.String to SecureString"; this never echoes the value either.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class SecretTransformationAttribute(string kind) : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var inner = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (inner is null or SecureString)
        {
            return inner;
        }

        try
        {
            var text = SecretParameter.Read(inputData, "secret", kind);
            if (text is null)
            {
                return null;
            }

            var secure = new SecureString();
            foreach (var c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
        catch (Engine.Failures.AcsTeamsAdminException error)
        {
            throw new ArgumentTransformationMetadataException(error.RecommendedAction ?? error.Message);
        }
    }
}
