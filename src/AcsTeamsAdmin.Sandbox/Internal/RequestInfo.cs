namespace AcsTeamsAdmin.Sandbox.Internal;

/// <summary>What a handler learned about the caller, for the request log.</summary>
internal sealed class RequestInfo
{
    public string? TenantId { get; set; }

    public string? ClientAppId { get; set; }

    public string? RequestId { get; set; }
}
