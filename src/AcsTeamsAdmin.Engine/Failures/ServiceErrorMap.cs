namespace AcsTeamsAdmin.Engine.Failures;

/// <summary>
/// How service answers become our errors. This is data: add a row rather than a special case in
/// the calling code. The most specific matching row wins (see <see cref="ServiceErrorRule.Specificity"/>).
/// </summary>
public static class ServiceErrorMap
{
    private const string CheckPermissionsFix =
        "Connect with an account or app that holds that Graph permission, " +
        "or ask an administrator to grant it. With a delegated sign-in the user must also be allowed the operation " +
        "(for app registrations and consent, an Entra role such as Application Administrator).";

    public static IReadOnlyList<ServiceErrorRule> Rules { get; } =
    [
        // Microsoft Graph.
        new(ServiceKind.Graph, null, "NonGraphAnswer", ErrorIds.UnexpectedResponse, FailureCategory.ConnectionError,
            "Check the proxy settings (HTTPS_PROXY) and that the network lets this machine reach Microsoft Graph, then run the command again."),
        new(ServiceKind.Graph, 401, null, ErrorIds.AccessTokenRejected, FailureCategory.AuthenticationError,
            "Sign in again with Connect-AcsTeamsAdmin; if you passed -AccessToken, get a new token for Microsoft Graph."),
        new(ServiceKind.Graph, 403, "Authorization_RequestDenied", ErrorIds.InsufficientPrivileges, FailureCategory.PermissionDenied, CheckPermissionsFix),
        new(ServiceKind.Graph, 403, null, ErrorIds.InsufficientPrivileges, FailureCategory.PermissionDenied, CheckPermissionsFix),
        new(ServiceKind.Graph, 404, null, ErrorIds.ResourceNotFound, FailureCategory.ObjectNotFound,
            "Check the id, and that you are connected to the tenant that holds the object (Get-AcsTeamsAdminContext)."),
        new(ServiceKind.Graph, 409, null, ErrorIds.ResourceConflict, FailureCategory.ResourceExists,
            "The object already exists; run the matching Get- cmdlet to see it."),
        new(ServiceKind.Graph, 400, null, ErrorIds.BadRequest, FailureCategory.InvalidArgument,
            "Check the values passed; the service's message above says which one it rejected."),
        new(ServiceKind.Graph, 429, null, ErrorIds.Throttled, FailureCategory.LimitsExceeded,
            "Microsoft Graph is throttling this tenant; the module already retried. Wait a few minutes and run the command again."),
        new(ServiceKind.Graph, 503, null, ErrorIds.ServiceUnavailable, FailureCategory.ResourceUnavailable,
            "Microsoft Graph is temporarily unavailable; the module already retried. Run the command again later."),
        new(ServiceKind.Graph, 504, null, ErrorIds.ServiceTimeout, FailureCategory.OperationTimeout,
            "Microsoft Graph timed out; the module already retried. Run the command again; re-running is safe."),

        // Entra ID token endpoint.
        new(ServiceKind.EntraId, null, "invalid_client", ErrorIds.SignInFailed, FailureCategory.AuthenticationError,
            "Check -ClientId and the client secret or certificate; secrets expire, so check its expiry in the app registration."),
        new(ServiceKind.EntraId, null, "unauthorized_client", ErrorIds.SignInFailed, FailureCategory.AuthenticationError,
            "Check that the app exists in this tenant (-TenantId) and is allowed to use this sign-in flow."),
        new(ServiceKind.EntraId, null, "invalid_grant", ErrorIds.SignInFailed, FailureCategory.AuthenticationError,
            "Sign in again; the sign-in expired, was declined, or needs consent an administrator has not given."),
        new(ServiceKind.EntraId, null, "authorization_declined", ErrorIds.SignInCancelled, FailureCategory.AuthenticationError,
            "The sign-in was declined; run the command again and approve it."),
        new(ServiceKind.EntraId, null, "expired_token", ErrorIds.SignInCancelled, FailureCategory.OperationTimeout,
            "The device code expired before the sign-in finished; run the command again and complete it in time."),
        new(ServiceKind.EntraId, null, "code_expired", ErrorIds.SignInCancelled, FailureCategory.OperationTimeout,
            "The device code expired before the sign-in finished; run the command again and complete it in time."),
        new(ServiceKind.EntraId, null, null, ErrorIds.SignInFailed, FailureCategory.AuthenticationError,
            "Check -TenantId, -ClientId and the credential, then sign in again."),

        // Azure Communication Services identity API.
        new(ServiceKind.CommunicationIdentity, 401, null, ErrorIds.AccessTokenRejected, FailureCategory.AuthenticationError,
            "Check the ACS connection string or access key, or the Entra credential's access to the ACS resource; " +
            "signed requests also fail when this machine's clock is more than about 15 minutes off."),
        new(ServiceKind.CommunicationIdentity, 403, null, ErrorIds.InsufficientPrivileges, FailureCategory.PermissionDenied,
            "Give the signed-in identity a role on the ACS resource, or use the resource's connection string."),
        new(ServiceKind.CommunicationIdentity, 404, null, ErrorIds.ResourceNotFound, FailureCategory.ObjectNotFound,
            "Check the identity id and that it belongs to this ACS resource."),
        new(ServiceKind.CommunicationIdentity, 400, null, ErrorIds.BadRequest, FailureCategory.InvalidArgument,
            "Check the values passed; the service's message above says which one it rejected."),
        new(ServiceKind.CommunicationIdentity, 429, null, ErrorIds.Throttled, FailureCategory.LimitsExceeded,
            "The ACS resource is throttling requests; the module already retried. Lower -ThrottleLimit or wait and retry."),
        new(ServiceKind.CommunicationIdentity, 401, "IdentityNotOwned", ErrorIds.AcsIdentityNotOwned, FailureCategory.ObjectNotFound,
            "The identity belongs to another ACS resource: use that resource's connection string, or an identity created with this one."),
        new(ServiceKind.CommunicationIdentity, 401, "InvalidAccessToken", ErrorIds.TeamsTokenRejected, FailureCategory.AuthenticationError,
            "Get a new Entra token for the Teams user with the scopes https://auth.msft.communication.azure.com/Teams.ManageCalls " +
            "and Teams.ManageChats, then exchange it right away."),
        new(ServiceKind.CommunicationIdentity, 404, "IdentityNotFound", ErrorIds.AcsIdentityNotFound, FailureCategory.ObjectNotFound,
            "The identity was deleted or never existed in this ACS resource; create a new one."),
        new(ServiceKind.CommunicationIdentity, 400, "ValidationError", ErrorIds.AcsValidationFailed, FailureCategory.InvalidArgument,
            "Correct the value the service names (its target) and run the command again."),
        new(ServiceKind.CommunicationIdentity, 400, "UnsupportedApiVersion", ErrorIds.UnsupportedApiVersion, FailureCategory.NotEnabled,
            "Pass an -ApiVersion the resource supports (2021-03-07, 2022-06-01, 2022-10-01, 2023-10-01, 2025-06-30); the default is 2023-10-01."),
        new(ServiceKind.CommunicationIdentity, 504, null, ErrorIds.ServiceTimeout, FailureCategory.OperationTimeout,
            "The ACS identity service timed out; the module already retried. Run the command again."),
        new(ServiceKind.CommunicationIdentity, 503, null, ErrorIds.ServiceUnavailable, FailureCategory.ResourceUnavailable,
            "The ACS identity service is temporarily unavailable; run the command again later."),

        // Azure Resource Manager (Get-AcsResource). A 403 message names the RBAC action and the roles that have it.
        new(ServiceKind.ResourceManager, 401, null, ErrorIds.AccessTokenRejected, FailureCategory.AuthenticationError,
            "Sign in again with Connect-AcsTeamsAdmin; Azure Resource Manager refused the session's token."),
        new(ServiceKind.ResourceManager, 401, "InvalidAuthenticationTokenTenant", ErrorIds.AccessTokenRejected, FailureCategory.AuthenticationError,
            "The subscription belongs to another Entra tenant (the message names it): " +
            "Connect-AcsTeamsAdmin -TenantId <that tenant>, then run the command again."),
        new(ServiceKind.ResourceManager, 403, null, ErrorIds.InsufficientPrivileges, FailureCategory.PermissionDenied,
            "Ask an Owner or User Access Administrator of the subscription to assign the signed-in account or app one of those roles on the ACS resource " +
            "(Azure portal > the resource > Access control (IAM) > Add role assignment), then run the command again; new assignments can take a few minutes."),
        new(ServiceKind.ResourceManager, 404, null, ErrorIds.ResourceNotFound, FailureCategory.ObjectNotFound,
            "Check the subscription, resource group and name (Get-AcsResource with no parameters lists every ACS resource this sign-in can see)."),
        new(ServiceKind.ResourceManager, 404, "ResourceNotFound", ErrorIds.AcsResourceNotFound, FailureCategory.ObjectNotFound,
            "Check -Name and -ResourceGroupName (Get-AcsResource -SubscriptionId <id> lists the subscription's ACS resources)."),
        new(ServiceKind.ResourceManager, 404, "ResourceGroupNotFound", ErrorIds.ResourceGroupNotFound, FailureCategory.ObjectNotFound,
            "Check -ResourceGroupName (Azure portal > Resource groups), or leave it out to search the whole subscription."),
        new(ServiceKind.ResourceManager, 404, "SubscriptionNotFound", ErrorIds.SubscriptionNotFound, FailureCategory.ObjectNotFound,
            "Check -SubscriptionId (Azure portal > Subscriptions), or leave it out to search every subscription this sign-in can see."),
        new(ServiceKind.ResourceManager, 400, null, ErrorIds.BadRequest, FailureCategory.InvalidArgument,
            "Check the values passed; the service's message above says which one it rejected."),
        new(ServiceKind.ResourceManager, 429, null, ErrorIds.Throttled, FailureCategory.LimitsExceeded,
            "Azure Resource Manager is throttling this sign-in; the module already retried. Wait a few minutes and run the command again."),
        new(ServiceKind.ResourceManager, 503, null, ErrorIds.ServiceUnavailable, FailureCategory.ResourceUnavailable,
            "Azure Resource Manager is temporarily unavailable; the module already retried. Run the command again later."),
        new(ServiceKind.ResourceManager, 504, null, ErrorIds.ServiceTimeout, FailureCategory.OperationTimeout,
            "Azure Resource Manager timed out; the module already retried. Run the command again; re-running is safe."),
    ];

    /// <summary>The most specific rule for this answer; a generic service error when none matches.</summary>
    public static ServiceErrorRule Resolve(ServiceKind service, int status, string? serviceErrorCode)
    {
        ServiceErrorRule? best = null;
        foreach (var rule in Rules)
        {
            if (rule.Matches(service, status, serviceErrorCode) && (best is null || rule.Specificity > best.Specificity))
            {
                best = rule;
            }
        }

        return best ?? new ServiceErrorRule(service, status, serviceErrorCode, ErrorIds.ServiceError,
            status >= 500 ? FailureCategory.ResourceUnavailable : FailureCategory.InvalidOperation,
            "Run the command again; if it keeps failing, include the error's RequestId in a support case.");
    }
}
