using Microsoft.Graph.Models;

namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>An app registration as read from Graph, in our terms: what planning and output need, nothing more.</summary>
internal sealed record ApplicationSnapshot
{
    /// <summary>The properties every read selects.</summary>
    public static readonly string[] SelectedProperties =
        [
            "id", "appId", "displayName", "requiredResourceAccess", "isFallbackPublicClient", "publicClient",
            "signInAudience", "publisherDomain", "verifiedPublisher"
        ];

    public required string Id { get; init; }

    public required string AppId { get; init; }

    public required string DisplayName { get; init; }

    public required IReadOnlyList<RequiredResource> RequiredResourceAccess { get; init; }

    public bool? IsFallbackPublicClient { get; init; }

    public required IReadOnlyList<string> PublicClientRedirectUris { get; init; }

    public string? SignInAudience { get; init; }

    public string? PublisherDomain { get; init; }

    public string? VerifiedPublisherName { get; init; }

    public string? VerifiedPublisherId { get; init; }

    public static ApplicationSnapshot From(Application app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new ApplicationSnapshot
        {
            Id = app.Id ?? string.Empty,
            AppId = app.AppId ?? string.Empty,
            DisplayName = app.DisplayName ?? string.Empty,
            RequiredResourceAccess = app.RequiredResourceAccess?
                .Select(resource => new RequiredResource(
                    resource.ResourceAppId ?? string.Empty,
                    resource.ResourceAccess?.Select(access => new ResourceAccessEntry(access.Id ?? Guid.Empty, access.Type ?? string.Empty)).ToArray() ?? []))
                .ToArray() ?? [],
            IsFallbackPublicClient = app.IsFallbackPublicClient,
            PublicClientRedirectUris = app.PublicClient?.RedirectUris?.Where(uri => uri is not null).ToArray() ?? [],
            SignInAudience = app.SignInAudience,
            PublisherDomain = app.PublisherDomain,
            VerifiedPublisherName = app.VerifiedPublisher?.DisplayName,
            VerifiedPublisherId = app.VerifiedPublisher?.VerifiedPublisherId,
        };
    }

    public static List<RequiredResourceAccess> ToGraph(IReadOnlyList<RequiredResource> resources) =>
        resources.Select(resource => new RequiredResourceAccess
        {
            ResourceAppId = resource.ResourceAppId,
            ResourceAccess = resource.Permissions.Select(permission => new ResourceAccess { Id = permission.Id, Type = permission.Type }).ToList(),
        }).ToList();
}
