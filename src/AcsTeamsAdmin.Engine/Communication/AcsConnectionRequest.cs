namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// How a command reaches an ACS resource, as the user gave it: a connection string (access key), or an endpoint
/// reached with the signed-in session's Entra credential, or neither (the session's sandbox). Validated by
/// <see cref="AcsConnectionFactory"/> before any call. ToString never shows the connection string.
/// </summary>
public sealed record AcsConnectionRequest
{
    /// <summary>endpoint=https://...;accesskey=...; a secret, never echoed.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The resource endpoint, for Entra ID authentication with the session's credential.</summary>
    public string? Endpoint { get; init; }

    public string? ApiVersion { get; init; }

    /// <summary>Where the connection string came from, for errors (-ConnectionString, or an environment variable).</summary>
    public string ConnectionStringParameter { get; init; } = "ConnectionString";

    public override string ToString() =>
        $"ACS connection ({(ConnectionString is null ? Endpoint ?? "session" : "connection string, redacted")}, api-version {ApiVersion ?? "default"})";
}
