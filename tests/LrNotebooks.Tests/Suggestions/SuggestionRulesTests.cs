using LrNotebooks.Suggestions;

namespace LrNotebooks.Tests.Suggestions;

public class SuggestionRulesTests
{
    [Fact]
    public void All_lists_the_rules_in_a_stable_order()
    {
        Assert.Equal(["steepest", "valley", "minimum", "slide", "consensus", "lightning"], SuggestionRules.All.Select(r => r.Name));
        Assert.Same(SuggestionRules.All[0], SuggestionRules.All[0]);
    }

    [Fact]
    public void Every_rule_describes_itself_and_reports_under_its_own_name()
    {
        var (lrs, smoothed) = SyntheticCurve.Run(noise: 0.02, seed: 1);
        Assert.All(SuggestionRules.All, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Description));
            Assert.Equal(rule.Name, rule.Suggest(lrs, smoothed).Rule);
        });
    }

    [Theory]
    [InlineData("valley", "valley")]
    [InlineData("VALLEY", "valley")]
    [InlineData(" Consensus ", "consensus")]
    [InlineData("Lightning", "lightning")]
    public void ByName_ignores_case(string asked, string expected) =>
        Assert.Same(SuggestionRules.All.Single(r => r.Name == expected), SuggestionRules.ByName(asked));

    [Fact]
    public void Default_name_is_a_known_rule() =>
        Assert.Equal(SuggestionRules.DefaultName, SuggestionRules.ByName(SuggestionRules.DefaultName).Name);

    [Theory]
    [InlineData("steep")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_name_throws_ArgumentException_for_suggest_listing_the_names(string? name)
    {
        var error = Assert.Throws<ArgumentException>(() => SuggestionRules.ByName(name!));

        Assert.Equal("suggest", error.ParamName);
        Assert.All(SuggestionRules.All, rule => Assert.Contains(rule.Name, error.Message));
    }

    [Fact]
    public void Consensus_combines_the_single_rules_but_not_lightning()
    {
        var consensus = Assert.IsType<ConsensusRule>(SuggestionRules.ByName("consensus"));

        Assert.Equal(["steepest", "valley", "minimum", "slide"], consensus.Members.Select(r => r.Name));
    }
}
