using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>
/// Proves that an ACS resource's endpoint answers and accepts the credential, without creating
/// anything: it revokes the tokens of an identity that cannot exist (8:acs:{nil guid}_{nil guid}, of a
/// resource nobody has). Authentication is checked before the identity, so the answer tells the two
/// apart: "not this resource's identity" (401 IdentityNotOwned) or "no such identity" (404) means the
/// endpoint and credential work; 401 Denied / InvalidAccessToken means the credential does not; no
/// answer means the endpoint is wrong. Creating and deleting a probe identity would also prove it, but
/// that is a write (and leaves an identity behind if the delete fails); issuing a token is a write too.
/// </summary>
internal static class AcsEndpointProbe
{
    public static readonly AcsIdentityId NoSuchIdentity =
        AcsIdentityId.Parse("8:acs:00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000000");

    public static async Task<RuleOutcome> RunAsync(IAcsIdentityClient client, CancellationToken cancellationToken)
    {
        var where = client.Endpoint.Authority;
        try
        {
            await client.RevokeTokensAsync(NoSuchIdentity, cancellationToken).ConfigureAwait(false);
            return Works(where);
        }
        catch (AcsTeamsAdminException error) when (error.ErrorId is ErrorIds.AcsIdentityNotOwned or ErrorIds.AcsIdentityNotFound)
        {
            return Works(where);
        }
        catch (AcsTeamsAdminException error)
        {
            // The client's message starts with what it was doing ("Revoking the tokens of 8:acs:0000..."), which is
            // the probe's own business: keep what went wrong.
            var separator = error.Message.IndexOf(": ", StringComparison.Ordinal);
            var reason = separator < 0 ? error.Message : error.Message[(separator + 2)..];
            return RuleOutcome.Fail($"The ACS resource {where} did not accept the probe ({error.ErrorId}): {reason}",
                error.RecommendedAction ?? "Check the endpoint and the connection string (or the Entra role on the resource), then run the check again.");
        }
    }

    private static RuleOutcome Works(string where) =>
        RuleOutcome.Pass($"The ACS resource {where} answered and accepted the credential (probe: " +
            "revoke the tokens of an identity that cannot exist; nothing was created or changed).");
}
