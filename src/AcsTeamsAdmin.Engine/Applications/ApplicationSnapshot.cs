using System.Text.Json;
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

    /// <summary>
    /// The same from Graph's JSON (an item of a readiness batch answer), read with System.Text.Json: a read that needs
    /// nothing else of the Graph SDK does not load it for this. Missing or mistyped properties read as absent, as in <see cref="From"/>.
    /// </summary>
    public static ApplicationSnapshot FromJson(JsonElement app) => new()
    {
        Id = Text(app, "id") ?? string.Empty,
        AppId = Text(app, "appId") ?? string.Empty,
        DisplayName = Text(app, "displayName") ?? string.Empty,
        RequiredResourceAccess = Items(app, "requiredResourceAccess")
            .Select(resource => new RequiredResource(
                Text(resource, "resourceAppId") ?? string.Empty,
                Items(resource, "resourceAccess")
                    .Select(access => new ResourceAccessEntry(
                        Guid.TryParse(Text(access, "id"), out var id) ? id : Guid.Empty,
                        Text(access, "type") ?? string.Empty))
                    .ToArray()))
            .ToArray(),
        IsFallbackPublicClient = app.TryGetProperty("isFallbackPublicClient", out var flag) && flag.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? flag.GetBoolean()
            : null,
        PublicClientRedirectUris = app.TryGetProperty("publicClient", out var client) && client.ValueKind == JsonValueKind.Object
            ? Items(client, "redirectUris").Where(uri => uri.ValueKind == JsonValueKind.String).Select(uri => uri.GetString()!).ToArray()
            : [],
        SignInAudience = Text(app, "signInAudience"),
        PublisherDomain = Text(app, "publisherDomain"),
        VerifiedPublisherName = app.TryGetProperty("verifiedPublisher", out var publisher) && publisher.ValueKind == JsonValueKind.Object
            ? Text(publisher, "displayName")
            : null,
        VerifiedPublisherId = publisher.ValueKind == JsonValueKind.Object ? Text(publisher, "verifiedPublisherId") : null,
    };

    public static List<RequiredResourceAccess> ToGraph(IReadOnlyList<RequiredResource> resources) =>
        resources.Select(resource => new RequiredResourceAccess
        {
            ResourceAppId = resource.ResourceAppId,
            ResourceAccess = resource.Permissions.Select(permission => new ResourceAccess { Id = permission.Id, Type = permission.Type }).ToList(),
        }).ToList();

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static JsonElement[] Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()]
            : [];
}
