using System.Security;

namespace AcsTeamsAdmin.Engine.Tokens;

/// <summary>Tokens handed out as SecureString by default, as Get-AzAccessToken does: never shown by accident.</summary>
public static class SecureText
{
    public static SecureString From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var secure = new SecureString();
        foreach (var c in value)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    public static string Reveal(SecureString value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new System.Net.NetworkCredential(string.Empty, value).Password;
    }
}
