using System.Globalization;
using System.Text.RegularExpressions;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Engine.Validation;

/// <summary>
/// Parses what users type, before any network call, into values the engine trusts. Every failure
/// names the parameter and says what a good value looks like.
/// </summary>
public static partial class InputParser
{
    private const string GuidShape = "36 characters such as 1fd5118e-2576-4263-8130-9503064c837a";

    public static Guid ParseGuid(string parameterName, string? value, string whereToFindIt)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw AcsTeamsAdminException.InvalidInput(
                parameterName,
                value,
                "is empty.",
                $"Pass a GUID ({GuidShape}); {whereToFindIt}",
                ErrorIds.MissingParameter);
        }

        // Only the plain "D" form: braces or parentheses usually mean a copy/paste accident worth flagging.
        if (!Guid.TryParseExact(trimmed, "D", out var guid))
        {
            throw AcsTeamsAdminException.InvalidInput(
                parameterName,
                value,
                $"'{Shorten(trimmed)}' is not a GUID.",
                $"Pass {GuidShape}; {whereToFindIt}",
                ErrorIds.InvalidGuid);
        }

        return guid;
    }

    /// <summary>
    /// A user as an object id (a GUID) or a user principal name (name@domain; a guest's is name_domain#EXT#@tenant).
    /// Exactly one of the two comes back. Something that looks like a GUID but is not one is InvalidGuid; anything
    /// else without the shape of a UPN is InvalidInput, both naming <paramref name="parameterName"/>.
    /// </summary>
    public static (Guid? ObjectId, string? UserPrincipalName) ParseUser(string parameterName, string? value)
    {
        const string Fix = "Pass the user's object id (a GUID: Entra admin center > Users > the user > Object ID) or user " +
            "principal name, such as adele@fabrikam.onmicrosoft.com.";
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, value, "is empty.", Fix, ErrorIds.MissingParameter);
        }

        if (Guid.TryParseExact(trimmed, "D", out var objectId))
        {
            return (objectId, null);
        }

        var at = trimmed.LastIndexOf('@');
        if (at < 0)
        {
            var looksLikeGuid = trimmed.All(c => Uri.IsHexDigit(c) || c is '-' or '{' or '}' or '(' or ')');
            throw AcsTeamsAdminException.InvalidInput(parameterName, value,
                looksLikeGuid ? $"'{Shorten(trimmed)}' is not a GUID." : $"'{Shorten(trimmed)}' is neither an object id nor a user principal name.",
                Fix, looksLikeGuid ? ErrorIds.InvalidGuid : ErrorIds.InvalidInput);
        }

        var local = trimmed[..at];
        var domain = trimmed[(at + 1)..].ToLowerInvariant();
        if (local.Length is 0 or > 113 || !local.All(IsUpnCharacter) || local.StartsWith('.') || local.EndsWith('.') || !DomainName().IsMatch(domain))
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, value, $"'{Shorten(trimmed)}' is not a valid user principal name.", Fix);
        }

        return (null, trimmed);
    }

    // What Entra ID allows in the part of a UPN before the @ (letters, digits, ' . - _ ! # ^ ~).
    private static bool IsUpnCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '\'' or '.' or '-' or '_' or '!' or '#' or '^' or '~';

    /// <summary>A tenant as a GUID or a domain name (contoso.onmicrosoft.com, fabrikam.com).</summary>
    /// <param name="parameterName">The parameter, for the error.</param>
    /// <param name="value">What the user typed.</param>
    /// <param name="allowMultiTenantAliases">Whether 'common' and 'organizations' may stand for a tenant.</param>
    /// <returns>The tenant in canonical form: a lower-case GUID or a lower-case domain.</returns>
    public static string ParseTenant(string parameterName, string? value, bool allowMultiTenantAliases = false)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, value, "is empty.",
                "Pass the tenant id (a GUID) or one of its verified domains, such as fabrikam.onmicrosoft.com.", ErrorIds.MissingParameter);
        }

        if (Guid.TryParseExact(trimmed, "D", out var guid))
        {
            return guid.ToString("D", CultureInfo.InvariantCulture);
        }

        var lower = trimmed.ToLowerInvariant();
        if (lower is "common" or "organizations" or "consumers")
        {
            if (allowMultiTenantAliases && lower != "consumers")
            {
                return lower;
            }

            throw AcsTeamsAdminException.InvalidInput(parameterName, value, $"'{trimmed}' is not a single tenant.",
                "Pass the customer's tenant id (a GUID) or verified domain: this operation needs one specific tenant.", ErrorIds.InvalidTenant);
        }

        if (!DomainName().IsMatch(lower))
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, value, $"'{Shorten(trimmed)}' is neither a tenant id nor a domain name.",
                "Pass the tenant id (a GUID, Entra admin center > Overview) or a verified domain such as fabrikam.onmicrosoft.com.", ErrorIds.InvalidTenant);
        }

        return lower;
    }

    /// <summary>
    /// An absolute https URL; plain http only for loopback (the sandbox, local redirect URIs). Never with a user
    /// name or password; with a query or fragment only when <paramref name="baseOnly"/> is false (a redirect URI).
    /// </summary>
    public static Uri ParseUrl(string parameterName, string? value, bool allowLoopbackHttp = true, bool baseOnly = true)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw AcsTeamsAdminException.InvalidInput(
                parameterName,
                value,
                "is empty.",
                "Pass an absolute URL such as https://example.com/path.",
                ErrorIds.MissingParameter);
        }

        RefuseControlCharacters(parameterName, trimmed);
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, value, $"'{Shorten(trimmed)}' is not an absolute http(s) URL.",
                "Pass a full URL including the scheme, such as https://example.com/path.", ErrorIds.InvalidUrl);
        }

        RefuseUserInfo(parameterName, uri);
        if (baseOnly && (uri.Query.Length > 0 || uri.Fragment.Length > 0))
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, value, $"'{Shorten(uri.GetLeftPart(UriPartial.Path))}...' has a query or fragment.",
                "Pass the base URL alone, such as https://graph.microsoft.com/v1.0: the module adds paths and queries itself.", ErrorIds.InvalidUrl);
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !(allowLoopbackHttp && uri.IsLoopback))
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, value, $"'{Shorten(trimmed)}' uses plain http.",
                "Use https; plain http is accepted only for localhost / 127.0.0.1.", ErrorIds.InvalidUrl);
        }

        return uri;
    }

    /// <summary>
    /// A list whose item is blank (-Scope 'chat', ' ', or an empty $variable in it) is a mistake in the script,
    /// never "fewer items": refused with the item's position, before the list is used.
    /// </summary>
    public static void RefuseBlankItems(string parameterName, IReadOnlyList<string?>? values)
    {
        var blank = values is null ? -1 : values.ToList().FindIndex(string.IsNullOrWhiteSpace);
        if (blank >= 0)
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, null,
                values!.Count == 1 ? "is empty." : $"item {blank + 1} of {values.Count} is empty.",
                $"Remove the empty item, or leave -{parameterName} out for its default.", ErrorIds.MissingParameter);
        }
    }

    /// <summary>A URL with a line break or tab in it: .NET would percent-encode it and send a URL nobody typed.</summary>
    internal static void RefuseControlCharacters(string parameterName, string value)
    {
        if (value.Any(char.IsControl))
        {
            throw AcsTeamsAdminException.InvalidInput(
                parameterName,
                Shorten(value.ReplaceLineEndings(" ")),
                "has a line break or other control character in it.",
                "Pass the URL on one line, as it appears in the portal.",
                ErrorIds.InvalidUrl);
        }
    }

    /// <summary>
    /// A URL with a user name or password in it (https://user:pw@host/) is refused without echoing it: the
    /// credentials would be sent to the host, logged, and shown in errors.
    /// </summary>
    internal static void RefuseUserInfo(string parameterName, Uri uri)
    {
        if (uri.UserInfo.Length > 0)
        {
            throw AcsTeamsAdminException.InvalidInput(
                parameterName,
                SensitiveInput.Of("URL with credentials"),
                "has a user name or password in it (user:password@).",
                "Remove the credentials from the URL; sign-in values go in their own parameters.",
                ErrorIds.InvalidUrl);
        }
    }

    /// <summary>Keeps echoed input readable when someone pastes a whole document into a parameter.</summary>
    internal static string Shorten(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 77), "...");

    // Labels of letters, digits and inner hyphens, at least two of them, a letter-only TLD.
    [GeneratedRegex(@"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainName();
}
