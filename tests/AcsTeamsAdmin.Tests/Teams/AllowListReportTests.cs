using AcsTeamsAdmin.Engine.Teams;

namespace AcsTeamsAdmin.Tests.Teams;

/// <summary>
/// With an -AcsResourceId (Get-AcsResource's ImmutableResourceId piped in), the allow-list is always checked: it blocks
/// a join only when meetings require federation; otherwise an Info finding says whether the resource's users may call
/// and chat with Teams users, and gives the command that adds it, keeping every resource already listed.
/// </summary>
public class AllowListReportTests
{
    private static readonly Guid Resource = Guid.Parse("5e1f7a2b-9c3d-4e8f-a6b1-2c7d9e0f3a20");
    private const string Other = "f6a2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

    [Fact]
    public void When_meetings_do_not_require_federation_an_unlisted_resource_is_reported_not_blocked_with_the_command_that_adds_it()
    {
        var settings = new TeamsJoinSettings { AcsFederationConfiguration = new AcsFederationSettings { EnableAcsUsers = true, AllowedAcsResources = [Other] } };

        var verdict = AnonymousJoinEvaluator.Evaluate(settings, Resource);

        Assert.True(verdict.CanJoin);
        var finding = Assert.Single(verdict.Findings, candidate => candidate.Setting == TeamsSettingNames.AllowedAcsResources);
        Assert.Equal(FindingEffect.Info, finding.Effect);
        Assert.Contains("cannot call or chat with Teams users outside meetings", finding.Detail, StringComparison.Ordinal);
        Assert.Equal($"Set-CsTeamsAcsFederationConfiguration -AllowedAcsResources @('{Other}', '{Resource}')", finding.Remedy);
    }

    [Fact]
    public void A_listed_resource_needs_nothing_and_with_federation_off_the_fix_turns_it_on_too()
    {
        var listed = AnonymousJoinEvaluator.Evaluate(new TeamsJoinSettings { AcsFederationConfiguration = new AcsFederationSettings { EnableAcsUsers = true, AllowedAcsResources = [Resource.ToString().ToUpperInvariant()] } }, Resource);
        var off = AnonymousJoinEvaluator.Evaluate(new TeamsJoinSettings { AcsFederationConfiguration = new AcsFederationSettings { EnableAcsUsers = false, AllowedAcsResources = [Resource.ToString()] } }, Resource);

        Assert.Null(listed.Findings.Single(candidate => candidate.Setting == TeamsSettingNames.AllowedAcsResources).Remedy);
        Assert.StartsWith("Set-CsTeamsAcsFederationConfiguration -EnableAcsUsers $true -AllowedAcsResources", off.Findings.Single(candidate => candidate.Setting == TeamsSettingNames.AllowedAcsResources).Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_resource_id_and_without_required_federation_the_allow_list_is_not_judged()
    {
        var verdict = AnonymousJoinEvaluator.Evaluate(new TeamsJoinSettings { AcsFederationConfiguration = new AcsFederationSettings { AllowedAcsResources = [Other] } });

        Assert.DoesNotContain(verdict.Findings, candidate => candidate.Setting == TeamsSettingNames.AllowedAcsResources);
    }

    [Fact]
    public void When_meetings_require_federation_an_unlisted_resource_still_blocks()
    {
        var settings = new TeamsJoinSettings { AcsFederationConfiguration = new AcsFederationSettings { EnableAcsUsers = true, RequireAcsFederationForMeeting = true, AllowedAcsResources = [Other] } };

        var verdict = AnonymousJoinEvaluator.Evaluate(settings, Resource);

        Assert.False(verdict.CanJoin);
        Assert.Contains(TeamsSettingNames.AllowedAcsResources, verdict.BlockedBy);
    }
}
