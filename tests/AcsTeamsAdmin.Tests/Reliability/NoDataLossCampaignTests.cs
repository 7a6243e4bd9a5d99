using System.Diagnostics;
using System.Globalization;
using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Tests.Applications;
using Xunit.Abstractions;

namespace AcsTeamsAdmin.Tests.Reliability;

/// <summary>
/// The no-data-loss campaign: 1,000 generated app registrations (many resources, scopes and roles, with and
/// without ACS entries, up to the 50-resource and 400-permission limits) through the permission merge.
/// Counts, rather than stops at, every entry lost and every duplicate gained, and prints the figures.
/// </summary>
public sealed class NoDataLossCampaignTests(ITestOutputHelper output)
{
    private const int Manifests = 1000;

    [Fact]
    public void A_thousand_generated_manifests_lose_no_entry_and_gain_no_duplicate()
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(20261121);
        int merged = 0, refused = 0, entriesBefore = 0, lost = 0, duplicates = 0, missingAcs = 0;
        for (var run = 0; run < Manifests; run++)
        {
            var current = GeneratedManifest.Create(random);
            var addition = GeneratedManifest.Addition(random);
            entriesBefore += current.Sum(resource => resource.Permissions.Count);
            IReadOnlyList<RequiredResource> after;
            try
            {
                after = RequiredResourceAccessMerge.Merge(current, addition).Merged;
                merged++;
            }
            catch (AcsTeamsAdminException error) when (error.ErrorId == ErrorIds.RequiredResourceAccessLimit)
            {
                // A refusal writes nothing, so nothing can be lost; it must only happen past a limit.
                Assert.True(GeneratedManifest.WouldExceed(current, addition), $"manifest {run}: refused although within the limits");
                refused++;
                continue;
            }

            var kept = Entries(after).ToList();
            foreach (var entry in Entries(current))
            {
                if (!kept.Remove(entry))
                {
                    lost++;
                }
            }

            duplicates += Duplicates(after) - Duplicates(current);
            missingAcs += addition.Permissions.Count(wanted => !Entries(after).Contains((Key(addition.ResourceAppId), wanted.Id, wanted.Type.ToUpperInvariant())));
        }

        CampaignFigures.Print(output, "no data loss", string.Create(CultureInfo.InvariantCulture,
            $"manifests checked {Manifests} (merged {merged}, refused at a limit {refused}); original entries {entriesBefore}, entries lost {lost}, duplicates gained {duplicates}, ACS entries missing {missingAcs}; {clock.Elapsed.TotalSeconds:0.00} s"));
        Assert.Equal(0, lost);
        Assert.Equal(0, duplicates);
        Assert.Equal(0, missingAcs);
        Assert.True(merged > 500 && refused > 20, $"the generator should reach both outcomes: merged {merged}, refused {refused}");
    }

    // An entry is its resource, permission id and type; resource ids compare without case, as Entra does.
    private static IEnumerable<(string Resource, Guid Id, string Type)> Entries(IEnumerable<RequiredResource> manifest) =>
        manifest.SelectMany(resource => resource.Permissions.Select(permission => (Key(resource.ResourceAppId), permission.Id, permission.Type.ToUpperInvariant())));

    private static int Duplicates(IEnumerable<RequiredResource> manifest)
    {
        var entries = Entries(manifest).ToList();
        return entries.Count - entries.Distinct().Count();
    }

    private static string Key(string resourceAppId) => resourceAppId.ToUpperInvariant();
}
