using System.Net;
using System.Security;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>SecureString parameters, unwrapped only at the moment the engine needs the value.</summary>
internal static class SecureStrings
{
    public static string? Reveal(SecureString? value) => value is null ? null : new NetworkCredential(string.Empty, value).Password;
}
