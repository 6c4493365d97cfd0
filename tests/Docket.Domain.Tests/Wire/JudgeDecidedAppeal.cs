using Docket.Domain.Events;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>
/// A judge's decision states whether appeal is reserved or waived, except an in-absentia
/// order, which cannot be appealed and so must not state it (APPEAL-NONE-INABSENTIA).
/// </summary>
public sealed class JudgeDecidedAppeal
{
    [Theory]
    [InlineData("""{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal-ordered","removalCountry":"MEX","alternateCountries":[],"protectedCountries":[]}""")] // inAbsentia left out is refused as well
    [InlineData("""{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal-ordered","removalCountry":"MEX","inAbsentia":false,"alternateCountries":[],"protectedCountries":[]}""")]
    [InlineData("""{"type":"JudgeDecided","on":"2024-09-02","outcome":"relief-granted","relief":"asylum","appeal":null,"alternateCountries":[],"protectedCountries":[],"inAbsentia":false}""")]
    public void A_decision_in_the_persons_presence_without_appeal_is_refused_naming_appeal(string body)
    {
        var errors = Parsing.Refused(body, "appeal");

        Assert.Contains(errors, e => e.StartsWith("appeal: is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("reserved")]
    [InlineData("waived")]
    public void An_in_absentia_order_that_states_an_appeal_is_refused_citing_APPEAL_NONE_INABSENTIA(string appeal)
    {
        var errors = Parsing.Refused(
            $$"""{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal-ordered","removalCountry":"MEX","appeal":"{{appeal}}","inAbsentia":true,"alternateCountries":[],"protectedCountries":[]}""",
            "appeal");

        Assert.Contains(errors, e => e.StartsWith("appeal:", StringComparison.Ordinal)
            && e.Contains("APPEAL-NONE-INABSENTIA", StringComparison.Ordinal));
    }

    [Fact]
    public void An_in_absentia_order_without_appeal_is_accepted()
    {
        var decided = Assert.IsType<JudgeDecided>(Parsing.Accepted(
            """{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal-ordered","removalCountry":"MEX","inAbsentia":true,"alternateCountries":[],"protectedCountries":[]}"""));

        Assert.True(decided.InAbsentia);
        Assert.Null(decided.Appeal);
    }

    [Theory]
    [InlineData("reserved", AppealChoice.Reserved)]
    [InlineData("waived", AppealChoice.Waived)]
    public void A_decision_in_the_persons_presence_with_appeal_is_accepted(string written, AppealChoice expected)
    {
        var decided = Assert.IsType<JudgeDecided>(Parsing.Accepted(
            $$"""{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal-ordered","removalCountry":"MEX","appeal":"{{written}}","alternateCountries":[],"protectedCountries":[],"inAbsentia":false}"""));

        Assert.False(decided.InAbsentia);
        Assert.Equal(expected, decided.Appeal);
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("1")]
    [InlineData("null")]
    public void In_absentia_that_is_not_true_or_false_is_refused_naming_inAbsentia(string value)
    {
        Parsing.Refused(
            $$"""{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal-ordered","appeal":"reserved","inAbsentia":{{value}},"alternateCountries":[],"protectedCountries":[]}""",
            "inAbsentia");
    }
}
