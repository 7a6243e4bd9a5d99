using System.Globalization;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.Tokens;

namespace AcsTeamsAdmin.Engine.Resources;

/// <summary>
/// Get-AcsResource: ACS resources read from Azure Resource Manager with the session's credential (a token for the
/// cloud's ARM scope), and, when asked, their primary connection string (POST listKeys). Reads only.
/// <list type="bullet">
/// <item>subscription, resource group and an exact name: one GET (404 is an error naming what is missing);</item>
/// <item>a subscription (and a group): Microsoft.Communication's list for it, filtered by name;</item>
/// <item>nothing: GET /subscriptions, then the list of each, filtered by group and name; a subscription the sign-in
/// may not list is a warning, and the others go on.</item>
/// </list>
/// Azure RBAC: reading needs Microsoft.Communication/CommunicationServices/read (Reader, Contributor, Owner,
/// Communication and Email Service Owner); the connection string needs .../ListKeys/action, which Reader lacks.
/// </summary>
public static class AcsResourceOperations
{
    public const string ReadAction = "Microsoft.Communication/CommunicationServices/read";
    public const string ListKeysAction = "Microsoft.Communication/CommunicationServices/ListKeys/action";
    public const string ReadRoles = "Reader, Contributor, Owner and Communication and Email Service Owner";
    public const string ListKeysRoles = "Contributor, Owner and Communication and Email Service Owner (not Reader)";

    private const string Provider = "/providers/Microsoft.Communication/communicationServices";
    private const int ProgressActivity = 7;
    private const string Activity = "Reading ACS resources from Azure Resource Manager";

    public static async Task<IReadOnlyList<AcsResource>> GetAsync(AcsTeamsAdminConnection connection, AcsResourceQuery query, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(context);
        var client = new ResourceManagerClient(connection);
        context.Log.Verbose($"Looking for {query} at Azure Resource Manager ({client.Endpoint.Authority}), " +
            $"api-version {ResourceManagerClient.CommunicationApiVersion}.");
        var found = new List<AcsResource>();
        if (query.IsExactLookup)
        {
            var path = $"{GroupPath(query.SubscriptionId!.Value, query.ResourceGroupName!)}{Provider}/{Uri.EscapeDataString(query.Name!)}";
            var call = new ArmCall($"Reading the ACS resource '{query.Name}' in resource group '{query.ResourceGroupName}'", query.Name, ReadAction, ReadRoles);
            found.Add(ToResource(
                await client.GetAsync(path, ResourceManagerClient.CommunicationApiVersion, call, context.CancellationToken).ConfigureAwait(false),
                call));
        }
        else if (query.SubscriptionId is { } subscription)
        {
            found.AddRange(await ListAsync(client, subscription, query, context).ConfigureAwait(false));
        }
        else
        {
            var subscriptions = await SubscriptionsAsync(client, context).ConfigureAwait(false);
            for (var index = 0; index < subscriptions.Count; index++)
            {
                var (id, name) = subscriptions[index];
                context.Progress.Report(new OperationProgress(
                    ProgressActivity,
                    Activity,
                    $"Subscription {name} ({index + 1} of {subscriptions.Count})",
                    index * 100 / subscriptions.Count));
                try
                {
                    found.AddRange(await ListAsync(client, id, query, context).ConfigureAwait(false));
                }
                catch (AcsTeamsAdminException error) when (error.ErrorId == ErrorIds.InsufficientPrivileges)
                {
                    // Listing needs read access at the subscription: one whose access is only on some resource groups is skipped, with how to read it.
                    context.Log.Warning($"Subscription '{name}' ({id}) was skipped: this sign-in may not list its " +
                        $"ACS resources ({ReadAction} at the subscription). " +
                        $"Name its resource group to read one there: Get-AcsResource -SubscriptionId {id} -ResourceGroupName <group>.");
                }
            }

            context.Progress.Report(new OperationProgress(ProgressActivity, Activity, "Done", 100, Completed: true));
        }

        if (found.Count == 0 && query.Name is not null && !query.NameHasWildcards)
        {
            throw new AcsTeamsAdminException(ErrorIds.AcsResourceNotFound, FailureCategory.ObjectNotFound,
                $"-Name: no ACS resource named '{query.Name}' {Where(query)}.",
                "Check the name (Get-AcsResource with no -Name lists the ACS resources this sign-in can see), or the subscription and resource group.",
                query.Name);
        }

        return query.IncludeConnectionString ? await WithConnectionStringsAsync(client, found, context).ConfigureAwait(false) : found;
    }

    private static string Where(AcsResourceQuery query) =>
        (query.ResourceGroupName is { } group ? $"in resource group '{group}' of " : "in ") +
        (query.SubscriptionId is { } id ? $"subscription {id.ToString("D", CultureInfo.InvariantCulture)}" : "any subscription this sign-in can see");

    private static string SubscriptionPath(Guid subscription) => "/subscriptions/" + subscription.ToString("D", CultureInfo.InvariantCulture);

    private static string GroupPath(Guid subscription, string group) => $"{SubscriptionPath(subscription)}/resourceGroups/{Uri.EscapeDataString(group)}";

    /// <summary>The enabled subscriptions of the session's tenant that the sign-in has any role in.</summary>
    private static async Task<IReadOnlyList<(Guid Id, string Name)>> SubscriptionsAsync(ResourceManagerClient client, OperationContext context)
    {
        var call = new ArmCall(
            "Listing the Azure subscriptions this sign-in can see",
            null,
            "Microsoft.Resources/subscriptions/read",
            "any Azure role on the subscription");
        var result = new List<(Guid, string)>();
        foreach (var item in await PagesAsync(client, "/subscriptions", ResourceManagerClient.SubscriptionsApiVersion, call, context).ConfigureAwait(false))
        {
            var state = ResourceManagerClient.Text(item?["state"]);
            var name = ResourceManagerClient.Text(item?["displayName"]) ?? "";
            if (!Guid.TryParse(ResourceManagerClient.Text(item?["subscriptionId"]), out var id))
            {
                continue;
            }

            if (state is "Disabled" or "Deleted")
            {
                context.Log.Verbose($"Subscription '{name}' ({id}) is {state}: skipped.");
                continue;
            }

            result.Add((id, name));
        }

        context.Log.Verbose($"This sign-in can see {result.Count} enabled subscription(s).");
        if (result.Count == 0)
        {
            context.Log.Warning("This sign-in has no role in any Azure subscription of the tenant, so no ACS resource can be read. " +
                $"Assign it a role that can read the ACS resource ({ReadRoles}), or Connect-AcsTeamsAdmin to the tenant that holds the subscription.");
        }

        return result;
    }

    private static async Task<IReadOnlyList<AcsResource>> ListAsync(
        ResourceManagerClient client,
        Guid subscription,
        AcsResourceQuery query,
        OperationContext context)
    {
        var byGroup = query.SubscriptionId is not null && query.ResourceGroupName is not null;
        var path = (byGroup ? GroupPath(subscription, query.ResourceGroupName!) : SubscriptionPath(subscription)) + Provider;
        var call = new ArmCall(
            byGroup
                ? $"Listing the ACS resources of resource group '{query.ResourceGroupName}'"
                : $"Listing the ACS resources of subscription {subscription}",
            byGroup ? query.ResourceGroupName : subscription.ToString("D", CultureInfo.InvariantCulture),
            ReadAction,
            ReadRoles);
        var items = await PagesAsync(client, path, ResourceManagerClient.CommunicationApiVersion, call, context).ConfigureAwait(false);
        var resources = items.Select(item => ToResource(item, call))
            .Where(resource => query.MatchesResourceGroup(resource.ResourceGroupName) && query.MatchesName(resource.Name))
            .ToArray();
        context.Log.Verbose($"Subscription {subscription}: {items.Count} ACS resource(s), {resources.Length} matching.");
        return resources;
    }

    /// <summary>Every item of an ARM list, following nextLink.</summary>
    private static async Task<IReadOnlyList<JsonNode?>> PagesAsync(
        ResourceManagerClient client,
        string path,
        string apiVersion,
        ArmCall call,
        OperationContext context)
    {
        var items = new List<JsonNode?>();
        var page = await client.GetAsync(path, apiVersion, call, context.CancellationToken).ConfigureAwait(false);
        while (true)
        {
            items.AddRange(page?["value"] as JsonArray ?? []);
            if (ResourceManagerClient.Text(page?["nextLink"]) is not { Length: > 0 } next)
            {
                return items;
            }

            page = await client.GetNextAsync(next, call, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<AcsResource>> WithConnectionStringsAsync(
        ResourceManagerClient client,
        IReadOnlyList<AcsResource> resources,
        OperationContext context)
    {
        var result = new List<AcsResource>();
        foreach (var resource in resources)
        {
            var call = new ArmCall($"Reading the access keys of the ACS resource '{resource.Name}'", resource.Name, ListKeysAction, ListKeysRoles);
            var keys = await client.PostAsync(
                resource.ResourceId + "/listKeys",
                ResourceManagerClient.CommunicationApiVersion,
                call,
                context.CancellationToken).ConfigureAwait(false);
            var connectionString = ResourceManagerClient.Text(keys?["primaryConnectionString"])
                ?? (ResourceManagerClient.Text(keys?["primaryKey"]) is { } key && resource.Endpoint is { } endpoint
                    ? $"endpoint={endpoint};accesskey={key}"
                    : null)
                ?? throw new AcsTeamsAdminException(ErrorIds.UnexpectedResponse, FailureCategory.InvalidResult,
                    $"{call.WhatFailed}: Azure Resource Manager's answer has no primary key.",
                    "Run the command again; if it keeps failing, report it with -Debug output (it holds no secrets).",
                    resource.Name);

            // The key goes into a SecureString at once and is never logged.
            context.Log.Verbose($"Read the primary connection string of '{resource.Name}' (returned as a SecureString).");
            result.Add(resource with { ConnectionString = SecureText.From(connectionString) });
        }

        return result;
    }

    internal static AcsResource ToResource(JsonNode? item, ArmCall call)
    {
        var id = ResourceManagerClient.Text(item?["id"]);
        var name = ResourceManagerClient.Text(item?["name"]);
        var parts = id?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var subscription = Segment(parts, "subscriptions");
        var group = Segment(parts, "resourceGroups");
        if (id is null || name is null || subscription is null || group is null)
        {
            throw new AcsTeamsAdminException(ErrorIds.UnexpectedResponse, FailureCategory.InvalidResult,
                $"{call.WhatFailed}: Azure Resource Manager's answer is not an ACS resource in the documented shape.",
                "Run the command again; if it keeps failing, report it with -Debug output (it holds no secrets).", call.Target);
        }

        var properties = item?["properties"];
        return new AcsResource
        {
            Name = name,
            ResourceGroupName = group,
            SubscriptionId = subscription,
            Endpoint = EndpointOf(ResourceManagerClient.Text(properties?["hostName"])),
            ImmutableResourceId = ResourceManagerClient.Text(properties?["immutableResourceId"]),
            Location = ResourceManagerClient.Text(item?["location"]),
            DataLocation = ResourceManagerClient.Text(properties?["dataLocation"]),
            ResourceId = id,
            ProvisioningState = ResourceManagerClient.Text(properties?["provisioningState"]),
        };
    }

    /// <summary>
    /// The data plane endpoint for ARM's hostName: https://{hostName}/. A loopback host (only a sandbox on 127.0.0.1
    /// has one) speaks plain http, as the sandbox's own description says.
    /// </summary>
    internal static string? EndpointOf(string? hostName)
    {
        if (string.IsNullOrWhiteSpace(hostName) || !Uri.TryCreate("https://" + hostName.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri.IsLoopback ? new UriBuilder(uri) { Scheme = Uri.UriSchemeHttp, Port = uri.Port }.Uri.AbsoluteUri : uri.AbsoluteUri;
    }

    private static string? Segment(string[] parts, string name)
    {
        var index = Array.FindIndex(parts, part => string.Equals(part, name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 && index + 1 < parts.Length ? Uri.UnescapeDataString(parts[index + 1]) : null;
    }
}
