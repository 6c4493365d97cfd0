using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Domain.Rules;
using Docket.Domain.Tests.Stages;
using Docket.Domain.Tests.Support;
using NodaTime;

namespace Docket.Domain.Tests.Deciding;

/// <summary>RECORD-NOT-FUTURE: an event records what has happened; only forward-looking fields may be later than today.</summary>
public sealed class RecordNotFuture
{
    private static readonly LocalDate Today = StageHistories.Today;

    public static TheoryData<string> EveryType() => [.. SampleEvents.Types];

    [Theory]
    [MemberData(nameof(EveryType))]
    public void An_event_dated_tomorrow_is_refused_with_RECORD_NOT_FUTURE_whatever_its_type(string type)
    {
        foreach (var stage in new[] { CaseStage.InProceedings, CaseStage.FinalOrder, CaseStage.Removed })
        {
            var decision = CaseDecider.Decide(StageHistories.State(stage), SampleEvents.Of(type, Today.PlusDays(1)), CourtCalendar.Default, Today);

            var violation = Assert.Single(decision.Violations);
            Assert.Equal(RuleIds.RecordNotFuture, violation.Rule);
            Assert.Empty(decision.Problems);
        }
    }

    [Fact]
    public void A_removal_dated_two_months_ahead_is_refused_although_the_appeal_window_will_have_closed()
    {
        var state = StageHistories.State(CaseStage.DecidedAppealable);
        var removal = new RemovalCarriedOut(Countries.CountryCode.Parse("MEX")) { On = Today.PlusMonths(2) };

        var decision = CaseDecider.Decide(state, removal, CourtCalendar.Default, Today);

        Assert.Equal([RuleIds.RecordNotFuture], decision.Violations.Select(v => v.Rule));
    }

    [Fact]
    public void A_correction_cannot_bring_in_a_future_event()
    {
        var state = StageHistories.State(CaseStage.InProceedings);
        var body = $$$"""{"type":"EntryCorrected","on":"{{{Iso(Today)}}}","correctsVersion":2,"reason":"typing error","replacement":{"type":"Entered","on":"{{{Iso(Today.PlusDays(3))}}}","how":"without-inspection"}}""";

        var decision = CaseDecider.Decide(state, Parsing.Accepted(body), CourtCalendar.Default, Today);

        Assert.Equal([RuleIds.RecordNotFuture], decision.Violations.Select(v => v.Rule));
    }

    [Theory]
    [InlineData("""{"type":"HearingScheduled","on":"2026-06-01","date":"2030-12-02","kind":"master","court":"Brindlemoor Immigration Court"}""")]
    [InlineData("""{"type":"StayGranted","on":"2026-06-01","by":"board","until":"2027-01-01"}""")]
    [InlineData("""{"type":"ProtectedStatusGranted","on":"2026-06-01","kind":"tps","until":"2028-03-01"}""")]
    [InlineData("""{"type":"Paroled","on":"2026-06-01","until":"2027-06-01"}""")]
    [InlineData("""{"type":"Admitted","on":"2026-06-01","classOfAdmission":"B2","admittedUntil":"2026-12-01"}""")]
    [InlineData("""{"type":"NoticeToAppearServed","on":"2026-06-01","method":"personal","hearingDate":"2026-07-07","hearingPlace":"Brindlemoor Immigration Court","charges":["212(a)(6)(A)(i)"]}""")]
    public void Forward_looking_fields_may_be_in_the_future(string body)
    {
        var state = StageHistories.State(CaseStage.InProceedings);

        var decision = CaseDecider.Decide(state, Parsing.Accepted(body), CourtCalendar.Default, Today);

        Assert.DoesNotContain(decision.Violations, v => v.Rule == RuleIds.RecordNotFuture);
        Assert.True(decision.Accepted, string.Join("; ", decision.Problems.Concat(decision.Violations.Select(v => v.Message))));
    }

    [Fact]
    public void A_voluntary_departure_date_may_be_in_the_future()
    {
        var state = StageHistories.State(CaseStage.InProceedings);
        var body = """{"type":"JudgeDecided","on":"2026-06-01","outcome":"voluntary-departure-granted","relief":"voluntary-departure","removalCountry":"MEX","alternateCountries":[],"protectedCountries":[],"departBy":"2026-07-31","appeal":"reserved","inAbsentia":false}""";

        Assert.True(CaseDecider.Decide(state, Parsing.Accepted(body), CourtCalendar.Default, Today).Accepted);
    }

    [Fact]
    public void An_event_dated_before_the_persons_date_of_birth_is_refused_naming_on()
    {
        var state = StageHistories.State(CaseStage.PreProceedings);
        var born = state.Identity!.DateOfBirth;

        var decision = CaseDecider.Decide(state, new Entered(EntryMethod.WithoutInspection) { On = born.PlusDays(-1) }, CourtCalendar.Default, Today);

        Assert.Contains(decision.Problems, p => p.StartsWith("on:", StringComparison.Ordinal));
        Assert.True(CaseDecider.Decide(state, new Entered(EntryMethod.WithoutInspection) { On = born }, CourtCalendar.Default, Today).Accepted);
    }

    private static string Iso(LocalDate date) => EventJson.DatePattern.Format(date);
}
