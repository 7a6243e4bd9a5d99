using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Engine.Resources;

/// <summary>
/// Which ACS resources Get-AcsResource looks for, parsed before any request: a subscription (a GUID), a resource
/// group (Azure's naming rules) and a name, which may hold the wildcards * and ?. Nothing given: every ACS resource
/// in every subscription the sign-in can see.
/// </summary>
public sealed partial record AcsResourceQuery
{
    private AcsResourceQuery()
    {
    }

    public Guid? SubscriptionId { get; private init; }

    public string? ResourceGroupName { get; private init; }

    /// <summary>The name or pattern as given; null for any name.</summary>
    public string? Name { get; private init; }

    public bool IncludeConnectionString { get; private init; }

    /// <summary>True when -Name has * or ?: no match is then an empty answer, not an error.</summary>
    public bool NameHasWildcards => Name is not null && Name.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>Subscription, group and an exact name: one GET, no list.</summary>
    public bool IsExactLookup => SubscriptionId is not null && ResourceGroupName is not null && Name is not null && !NameHasWildcards;

    public static AcsResourceQuery Parse(string? subscriptionId, string? resourceGroupName, string? name, bool includeConnectionString)
    {
        var subscription = subscriptionId is null ? (Guid?)null : InputParser.ParseGuid("SubscriptionId", subscriptionId,
            "it is the subscription's id (Azure portal > Subscriptions, or the /subscriptions/<id>/ part of the resource's id).");
        return new AcsResourceQuery
        {
            SubscriptionId = subscription,
            ResourceGroupName = resourceGroupName is null ? null : ParseResourceGroup(resourceGroupName),
            Name = name is null ? null : ParseName(name),
            IncludeConnectionString = includeConnectionString,
        };
    }

    public bool MatchesName(string? name) =>
        Name is null || (name is not null && Pattern(Name).IsMatch(name));

    public bool MatchesResourceGroup(string? group) =>
        ResourceGroupName is null || string.Equals(group, ResourceGroupName, StringComparison.OrdinalIgnoreCase);

    public override string ToString()
    {
        var parts = new List<string>();
        if (Name is not null)
        {
            parts.Add($"named '{Name}'");
        }

        if (ResourceGroupName is not null)
        {
            parts.Add($"in resource group '{ResourceGroupName}'");
        }

        parts.Add(SubscriptionId is { } id ? $"in subscription {id.ToString("D", CultureInfo.InvariantCulture)}" : "in any subscription this sign-in can see");
        return "ACS resources " + string.Join(" ", parts);
    }

    // Azure's rules: 1 to 90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period.
    private static string ParseResourceGroup(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            throw AcsTeamsAdminException.InvalidInput("ResourceGroupName", value, "is empty.",
                "Pass the resource group's name (Azure portal > Resource groups), or leave -ResourceGroupName out to search every group.",
                ErrorIds.MissingParameter);
        }

        if (!ResourceGroupPattern().IsMatch(trimmed) || trimmed.EndsWith('.'))
        {
            throw AcsTeamsAdminException.InvalidInput("ResourceGroupName", value, $"'{InputParser.Shorten(trimmed)}' is not a valid resource group name.",
                "A resource group name has 1 to 90 letters, digits, underscores, hyphens, periods and parentheses, and does not end in a period.");
        }

        return trimmed;
    }

    // Microsoft.Communication's rule for names: 1 to 63 letters, digits, underscores and hyphens ([-\w]+), plus our wildcards.
    private static string ParseName(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            throw AcsTeamsAdminException.InvalidInput("Name", value, "is empty.",
                "Pass the ACS resource's name, a pattern such as 'contoso-*', or leave -Name out for every ACS resource.", ErrorIds.MissingParameter);
        }

        if (trimmed.Length > 63 || !NamePattern().IsMatch(trimmed))
        {
            throw AcsTeamsAdminException.InvalidInput("Name", value, $"'{InputParser.Shorten(trimmed)}' is not a valid ACS resource name.",
                "An ACS resource name has 1 to 63 letters, digits, hyphens and underscores; * and ? match any run of characters and any one character.");
        }

        return trimmed;
    }

    private static Regex Pattern(string glob)
    {
        var regex = new StringBuilder("^");
        foreach (var c in glob)
        {
            regex.Append(c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) });
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"^[\w\-\.\(\)]{1,90}$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceGroupPattern();

    [GeneratedRegex(@"^[\w\-\*\?]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
