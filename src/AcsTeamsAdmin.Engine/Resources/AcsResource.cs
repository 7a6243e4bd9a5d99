using System.Security;
using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.Resources;

/// <summary>
/// An Azure Communication Services resource as Azure Resource Manager describes it, with what the other cmdlets
/// need of it under the names they bind by: Endpoint (the ACS identity cmdlets' -Endpoint, Test-AcsTeamsReadiness
/// -AcsEndpoint), ImmutableResourceId (Test-AcsAnonymousJoinPolicy -AcsResourceId, Teams' AllowedAcsResources) and,
/// when asked for, ConnectionString (a SecureString: the access key is in it).
/// </summary>
[DefaultDisplay("Name", "ResourceGroupName", "SubscriptionId", "Endpoint", "ImmutableResourceId", "DataLocation", AsList = true)]
public sealed record AcsResource
{
    public required string Name { get; init; }

    public required string ResourceGroupName { get; init; }

    public required string SubscriptionId { get; init; }

    /// <summary>The data plane endpoint, https://{hostName}/; null while ARM reports no host name (a resource being created).</summary>
    public string? Endpoint { get; init; }

    /// <summary>The id Teams lists in AllowedAcsResources, and the middle of every identity id (8:acs:&lt;this&gt;_...).</summary>
    public string? ImmutableResourceId { get; init; }

    /// <summary>ACS resources are global ('global'); where the data lives is <see cref="DataLocation"/>.</summary>
    public string? Location { get; init; }

    /// <summary>Where the resource keeps its data at rest, e.g. 'United States'.</summary>
    public string? DataLocation { get; init; }

    /// <summary>The Azure resource id, /subscriptions/.../providers/Microsoft.Communication/CommunicationServices/{name}.</summary>
    public required string ResourceId { get; init; }

    public string? ProvisioningState { get; init; }

    /// <summary>The primary connection string (endpoint and access key), only with -IncludeConnectionString; never shown.</summary>
    public SecureString? ConnectionString { get; init; }
}
