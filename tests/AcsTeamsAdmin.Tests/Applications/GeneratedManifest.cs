using AcsTeamsAdmin.Engine.Applications;

namespace AcsTeamsAdmin.Tests.Applications;

/// <summary>Random requiredResourceAccess lists (with and without ACS entries, near the 50/400 limits) and the merge's properties.</summary>
internal static class GeneratedManifest
{
    private const string Acs = "1fd5118e-2576-4263-8130-9503064c837a";
    private static readonly Guid[] AcsScopes =
    [
        Guid.Parse("de8ec1df-066a-4817-bc5d-9a985b986262"), Guid.Parse("6290af7f-b407-49f9-92d5-bf584fdc4019"),
        Guid.Parse("9ed60762-c537-4e50-8984-4b1db3d922ce"), Guid.Parse("31f1efa3-6f54-4008-ac59-1bf1f0ff9958"),
    ];

    public static List<RequiredResource> Create(Random random)
    {
        // Sizes cluster near the limits a third of the time.
        var nearLimits = random.Next(3) == 0;
        var resourceCount = nearLimits ? random.Next(45, 51) : random.Next(0, 12);
        var budget = nearLimits ? random.Next(380, 401) : random.Next(0, 60);
        var resources = new List<RequiredResource>();
        for (var i = 0; i < resourceCount && budget > 0; i++)
        {
            var count = i == resourceCount - 1 ? budget : Math.Min(budget, random.Next(1, Math.Max(2, 2 * budget / (resourceCount - i))));
            budget -= count;
            resources.Add(new RequiredResource(RandomCase(random, Guid.NewGuid().ToString()), Entries(random, count)));
        }

        if (random.Next(2) == 0)
        {
            // An ACS entry somewhere, spelled in any case, with some of its scopes (and sometimes a role with a scope's id).
            var acs = new RequiredResource(RandomCase(random, Acs),
                AcsScopes.Where(_ => random.Next(2) == 0).Select(id => new ResourceAccessEntry(id, random.Next(5) == 0 ? "Role" : RandomCase(random, "Scope"))).ToArray());
            resources.Insert(random.Next(resources.Count + 1), acs);
        }

        return resources;
    }

    public static RequiredResource Addition(Random random)
    {
        var wanted = AcsScopes.Where(_ => random.Next(3) > 0).Select(id => new ResourceAccessEntry(id, "Scope")).ToList();
        if (random.Next(10) == 0 && wanted.Count > 0)
        {
            wanted.Add(wanted[0]); // a duplicate in the request itself
        }

        return new RequiredResource(Acs, wanted);
    }

    public static bool WouldExceed(IReadOnlyList<RequiredResource> current, RequiredResource addition)
    {
        var present = current.Where(r => r.IsFor(Acs)).SelectMany(r => r.Permissions).ToList();
        var missing = addition.Permissions.Where(p => !present.Any(e => e.SameAs(p))).DistinctBy(p => (p.Id, p.Type.ToUpperInvariant())).Count();
        if (missing == 0)
        {
            return false;
        }

        var resources = current.Count + (current.Any(r => r.IsFor(Acs)) ? 0 : 1);
        return resources > 50 || current.Sum(r => r.Permissions.Count) + missing > 400;
    }

    /// <summary>Every resource keeps its place and spelling, and its permissions as a prefix, in order.</summary>
    public static void AssertKeepsEverything(IReadOnlyList<RequiredResource> before, IReadOnlyList<RequiredResource> after, string label)
    {
        Assert.True(after.Count >= before.Count, label);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i].ResourceAppId, after[i].ResourceAppId);
            Assert.True(after[i].Permissions.Take(before[i].Permissions.Count).SequenceEqual(before[i].Permissions), $"{label}: resource {i} lost or reordered a permission");
            if (!before[i].IsFor(Acs))
            {
                Assert.Equal(before[i].Permissions.Count, after[i].Permissions.Count);
            }
        }
    }

    /// <summary>Each wanted scope is present under ACS, and the merge added it at most once.</summary>
    public static void AssertHasAllOnce(RequiredResource addition, IReadOnlyList<RequiredResource> after, IReadOnlyList<RequiredResource> before, string label)
    {
        var acs = after.Where(r => r.IsFor(Acs)).SelectMany(r => r.Permissions).ToList();
        var acsBefore = before.Where(r => r.IsFor(Acs)).SelectMany(r => r.Permissions).ToList();
        foreach (var wanted in addition.Permissions)
        {
            var count = acs.Count(p => p.SameAs(wanted));
            var countBefore = acsBefore.Count(p => p.SameAs(wanted));
            Assert.True(count >= 1, $"{label}: {wanted.Id} missing");
            Assert.True(count == Math.Max(1, countBefore), $"{label}: {wanted.Id} added although present, or added twice");
        }

        Assert.True(after.Count(r => r.IsFor(Acs)) == Math.Max(1, before.Count(r => r.IsFor(Acs))) || addition.Permissions.Count == 0, $"{label}: a second ACS resource");
    }

    private static ResourceAccessEntry[] Entries(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => new ResourceAccessEntry(Guid.NewGuid(), random.Next(3) == 0 ? "Role" : "Scope")).ToArray();

    private static string RandomCase(Random random, string text) => random.Next(3) switch
    {
        0 => text.ToUpperInvariant(),
        _ => text,
    };
}
