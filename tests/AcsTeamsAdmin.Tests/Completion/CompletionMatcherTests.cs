using AcsTeamsAdmin.Engine.Completion;

namespace AcsTeamsAdmin.Tests.Completion;

public class CompletionMatcherTests
{
    [Fact]
    public void Acs_scopes_filter_by_prefix_in_any_case_and_keep_the_default_first_order()
    {
        var matches = CompletionMatcher.Match(CompletionSources.AcsScopes(), "teams.m");

        Assert.Equal(["Teams.ManageCalls", "Teams.ManageChats"], matches.Select(m => m.CompletionText));
        Assert.Contains("(default)", matches[0].ToolTip, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_word_offers_every_acs_scope_with_legacy_VoIP_last_and_marked()
    {
        var matches = CompletionMatcher.Match(CompletionSources.AcsScopes(), "");

        Assert.Equal(4, matches.Count);
        Assert.Equal("VoIP", matches[^1].CompletionText);
        Assert.Equal("VoIP (legacy)", matches[^1].ListItemText);
    }

    [Fact]
    public void Values_already_given_to_an_array_parameter_are_not_offered_again()
    {
        var matches = CompletionMatcher.Match(CompletionSources.AcsScopes(), "Teams.", alreadyGiven: ["teams.managecalls"]);

        Assert.Equal(["Teams.ManageChats"], matches.Select(m => m.CompletionText));
    }

    [Fact]
    public void Token_scopes_offer_the_wire_names_and_mark_the_join_scopes_with_their_api_version()
    {
        var matches = CompletionMatcher.Match(CompletionSources.AcsTokenScopes(), "chat");

        Assert.Equal(["chat", "chat.join", "chat.join.limited"], matches.Select(m => m.CompletionText));
        Assert.Contains("2023-10-01", matches[1].ToolTip, StringComparison.Ordinal);
        Assert.DoesNotContain("2023-10-01", matches[0].ToolTip, StringComparison.Ordinal);
    }

    [Fact]
    public void Api_versions_come_newest_first_with_the_default_marked()
    {
        var matches = CompletionMatcher.Match(CompletionSources.AcsApiVersions(), "202");

        Assert.Equal("2025-06-30", matches[0].CompletionText);
        Assert.Single(matches, m => m.ToolTip.EndsWith("(default)", StringComparison.Ordinal));
        Assert.Equal("2023-10-01 (default)", matches.Single(m => m.ToolTip.EndsWith("(default)", StringComparison.Ordinal)).ToolTip);
    }

    [Theory]
    [InlineData("'Teams.ManageCa", "'Teams.ManageCalls'")]
    [InlineData("\"Teams.ManageCa", "\"Teams.ManageCalls\"")]
    [InlineData("'Teams.ManageCa'", "'Teams.ManageCalls'")]
    public void An_opened_quote_is_ignored_for_matching_and_kept_in_the_completion(string word, string expected)
    {
        var match = Assert.Single(CompletionMatcher.Match(CompletionSources.AcsScopes(), word));

        Assert.Equal(expected, match.CompletionText);
    }

    [Theory]
    [InlineData("plain", null, "plain")]
    [InlineData("two words", null, "'two words'")]
    [InlineData("O'Brien app", null, "'O''Brien app'")]
    [InlineData("$cost", null, "'$cost'")]
    [InlineData("say \"hi\" $x", '"', "\"say `\"hi`\" `$x\"")]
    [InlineData("", null, "''")]
    public void Quote_leaves_bare_words_alone_and_escapes_the_rest_as_PowerShell_reads_them(string value, char? opened, string expected) =>
        Assert.Equal(expected, CompletionMatcher.Quote(value, opened));

    [Fact]
    public void Candidates_matched_by_their_value_come_before_those_matched_only_by_their_other_text()
    {
        CompletionCandidate[] candidates =
        [
            new("c0ffee00-0000-4000-8000-000000000001", "x", "x", "Billing"),
            new("b1110000-0000-4000-8000-000000000002", "y", "y", "Contoso"),
        ];

        var matches = CompletionMatcher.Match(candidates, "b");

        Assert.Equal(["b1110000-0000-4000-8000-000000000002", "c0ffee00-0000-4000-8000-000000000001"], matches.Select(m => m.CompletionText));
    }

    [Fact]
    public void Nothing_matches_a_word_that_starts_no_candidate() =>
        Assert.Empty(CompletionMatcher.Match(CompletionSources.AcsScopes(), "Mail."));
}
