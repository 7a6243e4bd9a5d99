using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Tokens;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>
/// What Test-AcsTeamsReadiness checks, parsed. <see cref="Parse"/> takes the parameters as typed and rejects bad
/// input with the parameter's name before anything signs in or calls out, so the cmdlet and acsteams fail alike.
/// ToString never shows the access key or the token.
/// </summary>
public sealed record ReadinessRequest
{
    /// <summary>The client apps to check in the connected tenant; empty checks only the tenant (and the ACS resource).</summary>
    public IReadOnlyList<AppId> AppIds { get; init; } = [];

    /// <summary>The apps serve users of other tenants: a single-tenant audience is then a Fail.</summary>
    public bool MultiTenant { get; init; }

    /// <summary>An ACS resource to probe with its access key; null unless -AcsConnectionString was given.</summary>
    public AcsKeyCredential? AcsKey { get; init; }

    /// <summary>An ACS resource to probe with the session's Entra credential; null unless -AcsEndpoint was given.</summary>
    public Uri? AcsEndpoint { get; init; }

    /// <summary>A Teams user's Entra token to check against the exchange's claim rules (locally); null skips the check.</summary>
    public TeamsUserTokenExchange? TeamsToken { get; init; }

    /// <summary>
    /// A Teams user to check in the directory (exists, account enabled, an enabled Microsoft Teams plan), read in the
    /// same Graph $batch as the rest; null skips the check.
    /// </summary>
    public UserReference? TeamsUser { get; init; }

    /// <summary>The clock for the token's expiry (tests move it).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Test-AcsTeamsReadiness's parameters, checked; an argument left null was not given.</summary>
    public static ReadinessRequest Parse(
        IReadOnlyList<string>? appId = null,
        bool multiTenant = false,
        string? acsEndpoint = null,
        string? acsConnectionString = null,
        string? teamsUserToken = null,
        string? teamsUserId = null)
    {
        appId ??= [];
        var appIds = appId.Select(value => AppId.Parse(value)).ToArray();
        if (acsEndpoint is not null && acsConnectionString is not null)
        {
            throw AcsTeamsAdminException.InvalidInput("AcsEndpoint", acsEndpoint, "cannot be combined with -AcsConnectionString.",
                "Pass -AcsConnectionString (access key), or -AcsEndpoint alone to sign in to the resource with this session's Entra credential.",
                ErrorIds.ConflictingParameters);
        }

        var request = new ReadinessRequest
        {
            AppIds = appIds,
            MultiTenant = multiTenant,
            AcsKey = acsConnectionString is null ? null : AcsKeyCredential.ParseConnectionString(acsConnectionString, "AcsConnectionString"),
            AcsEndpoint = acsEndpoint is null ? null : AcsKeyCredential.ParseEndpoint(acsEndpoint, "AcsEndpoint"),
        };
        if (teamsUserToken is null)
        {
            // Alone, the user is checked in the directory (exists, enabled, a Teams licence): an object id or a UPN will do.
            return teamsUserId is null ? request : request with { TeamsUser = UserReference.Parse("TeamsUserId", teamsUserId) };
        }

        if (string.IsNullOrWhiteSpace(teamsUserToken))
        {
            throw AcsTeamsAdminException.InvalidInput("TeamsUserToken", SensitiveInput.Of("token"), "is empty.",
                "Pass the Teams user's Entra access token for Azure Communication Services (the one your app would exchange).",
                ErrorIds.MissingParameter);
        }

        if (appIds.Length != 1)
        {
            throw AcsTeamsAdminException.InvalidInput("AppId", string.Join(",", appId), "must name exactly one app with -TeamsUserToken.",
                "Pass the Application (client) id the token was issued to (its appid claim) as the only -AppId.", ErrorIds.MissingParameter);
        }

        var user = InputParser.ParseGuid("TeamsUserId", teamsUserId,
            "with -TeamsUserToken it is the Teams user's object id (the token's oid claim; Entra admin center > Users > the user > Object ID).");

        // Only the shape is bad input (not a JWT fails here, before signing in). An expired token or one for
        // another audience, app or user is what the TeamsUserToken check diagnoses, so it stays a check result.
        _ = TokenClaims.Read("TeamsUserToken", teamsUserToken);
        return request with
        {
            TeamsToken = new TeamsUserTokenExchange(teamsUserToken, appIds[0], user),
            TeamsUser = UserReference.FromObjectId(user),
        };
    }

    /// <summary>The client that probes the ACS resource named, if any: the access key's, or the session's credential.</summary>
    internal IAcsIdentityClient? AcsClient(AcsTeamsAdminConnection connection) =>
        AcsKey is not null ? AcsConnectionFactory.Create(new AcsConnectionPlan(AcsKey.Endpoint, AcsApiVersion.Default, AcsKey), connection)
        : AcsEndpoint is not null ? AcsConnectionFactory.Create(new AcsConnectionPlan(AcsEndpoint, AcsApiVersion.Default, null), connection)
        : null;

    public override string ToString() =>
        $"Readiness of {AppIds.Count} " +
        $"app(s){(AcsKey is not null ? " with an ACS access key (redacted)" : AcsEndpoint is { } endpoint ? $" and {endpoint}" : "")}";
}
