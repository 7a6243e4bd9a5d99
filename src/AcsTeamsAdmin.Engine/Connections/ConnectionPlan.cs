namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>A validated <see cref="ConnectionRequest"/>: everything needed to sign in and reach Graph.</summary>
/// <param name="Mode">How to sign in.</param>
/// <param name="Cloud">The cloud, for its defaults and its government flag.</param>
/// <param name="AuthorityHost">Where Entra ID is (the cloud's, or an override such as a sandbox).</param>
/// <param name="GraphEndpoint">Graph's v1.0 base URL.</param>
/// <param name="TenantId">Canonical tenant (GUID or domain), or null to let the sign-in choose.</param>
/// <param name="ClientId">The signing-in app, when the mode has one.</param>
/// <param name="GraphTokenScopes">The scopes asked of Entra ID for the Graph token.</param>
internal sealed record ConnectionPlan(
    SignInMode Mode,
    CloudEndpoints Cloud,
    Uri AuthorityHost,
    Uri GraphEndpoint,
    string? TenantId,
    string? ClientId,
    IReadOnlyList<string> GraphTokenScopes)
{
    /// <summary>Delegated modes act with a signed-in user's rights; the rest are app-only.</summary>
    public bool IsDelegated => Mode is SignInMode.InteractiveBrowser or SignInMode.DeviceCode;

    /// <summary>
    /// Where Azure Resource Manager is reached: the cloud's, or the sandbox that also serves Graph (a loopback
    /// -GraphEndpoint, or the in-process sandbox). Tokens for it are still asked for the cloud's ARM resource.
    /// </summary>
    public Uri ResourceManagerEndpoint { get; init; } = Cloud.ResourceManager;

    /// <summary>Graph's resource URI for token audiences: the cloud's even when Graph is reached elsewhere (e.g. a sandbox).</summary>
    public string GraphResource => Cloud.GraphResource;
}
