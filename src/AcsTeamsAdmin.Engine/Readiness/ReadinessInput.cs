using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Tokens;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>
/// Test-AcsTeamsReadiness's parameters as typed, unparsed: <see cref="Parse"/> rejects bad input with the
/// parameter's name before anything signs in or calls out, so the cmdlet and acsteams fail alike.
/// ToString never shows the connection string or the token.
/// </summary>
public sealed record ReadinessInput
{
    public IReadOnlyList<string> AppId { get; init; } = [];

    public bool MultiTenant { get; init; }

    public string? AcsEndpoint { get; init; }

    public string? AcsConnectionString { get; init; }

    public string? TeamsUserToken { get; init; }

    public string? TeamsUserId { get; init; }

    public ParsedReadinessInput Parse()
    {
        var appIds = AppId.Select(value => Identifiers.AppId.Parse(value)).ToArray();
        if (AcsEndpoint is not null && AcsConnectionString is not null)
        {
            throw AcsTeamsAdminException.InvalidInput("AcsEndpoint", AcsEndpoint, "cannot be combined with -AcsConnectionString.",
                "Pass -AcsConnectionString (access key), or -AcsEndpoint alone to sign in to the resource with this session's Entra credential.", ErrorIds.ConflictingParameters);
        }

        var key = AcsConnectionString is null ? null : AcsKeyCredential.ParseConnectionString(AcsConnectionString, "AcsConnectionString");
        var endpoint = AcsEndpoint is null ? null : AcsKeyCredential.ParseEndpoint(AcsEndpoint, "AcsEndpoint");
        TeamsUserTokenExchange? exchange = null;
        UserReference? teamsUser = null;
        if (TeamsUserToken is not null)
        {
            if (string.IsNullOrWhiteSpace(TeamsUserToken))
            {
                throw AcsTeamsAdminException.InvalidInput("TeamsUserToken", SensitiveInput.Of("token"), "is empty.",
                    "Pass the Teams user's Entra access token for Azure Communication Services (the one your app would exchange).", ErrorIds.MissingParameter);
            }

            if (appIds.Length != 1)
            {
                throw AcsTeamsAdminException.InvalidInput("AppId", string.Join(",", AppId), "must name exactly one app with -TeamsUserToken.",
                    "Pass the Application (client) id the token was issued to (its appid claim) as the only -AppId.", ErrorIds.MissingParameter);
            }

            var user = InputParser.ParseGuid("TeamsUserId", TeamsUserId, "with -TeamsUserToken it is the Teams user's object id (the token's oid claim; Entra admin center > Users > the user > Object ID).");

            // Only the shape is bad input (not a JWT fails here, before signing in). An expired token or one for
            // another audience, app or user is what the TeamsUserToken check diagnoses, so it stays a check result.
            _ = TokenClaims.Read("TeamsUserToken", TeamsUserToken);
            exchange = new TeamsUserTokenExchange(TeamsUserToken, appIds[0], user);
            teamsUser = UserReference.FromObjectId(user);
        }
        else if (TeamsUserId is not null)
        {
            // Alone, the user is checked in the directory (exists, enabled, a Teams licence): an object id or a UPN will do.
            teamsUser = UserReference.Parse("TeamsUserId", TeamsUserId);
        }

        return new ParsedReadinessInput(appIds, MultiTenant, key, endpoint, exchange) { TeamsUser = teamsUser };
    }

    public override string ToString() => $"Readiness of {AppId.Count} app(s){(AcsEndpoint ?? (AcsConnectionString is null ? "" : " with an ACS connection string (redacted)"))}";
}

/// <summary>Parsed input; becomes a <see cref="ReadinessRequest"/> once there is a connection (the ACS probe may use its credential).</summary>
public sealed record ParsedReadinessInput(IReadOnlyList<AppId> AppIds, bool MultiTenant, AcsKeyCredential? AcsKey, Uri? AcsEndpoint, TeamsUserTokenExchange? TeamsToken)
{
    /// <summary>The Teams user whose account and licence the TeamsUser check reads (given alone, or with the token).</summary>
    public UserReference? TeamsUser { get; init; }

    public ReadinessRequest ToRequest(AcsTeamsAdminConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        IAcsIdentityClient? client = AcsKey is not null ? AcsConnectionFactory.Create(new AcsConnectionPlan(AcsKey.Endpoint, AcsApiVersion.Default, AcsKey), connection)
            : AcsEndpoint is not null ? AcsConnectionFactory.Create(new AcsConnectionPlan(AcsEndpoint, AcsApiVersion.Default, null), connection)
            : null;
        return new ReadinessRequest { AppIds = AppIds, MultiTenant = MultiTenant, AcsClient = client, TeamsToken = TeamsToken, TeamsUser = TeamsUser };
    }
}
