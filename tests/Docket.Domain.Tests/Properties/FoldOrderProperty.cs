using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Events;
using Docket.Domain.Removal;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Docket.Domain.Tests.Properties;

/// <summary>
/// The fold is deterministic, and sensitive to order only where the law is: two events of
/// different kinds on the same day that do not interact give the same answers in either order.
/// </summary>
public sealed class FoldOrderProperty
{
    private static readonly Arbitrary<Histories.Checked> Cases = Histories.CheckedHistory.ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Folding_the_same_events_twice_gives_the_same_stage_version_decision_and_finality() =>
        Prop.ForAll(Cases, h =>
        {
            var first = CaseHistory.Fold(h.Events);
            var second = CaseHistory.Fold([.. h.Events]);

            return (first.Stage == second.Stage
                    && first.Version == second.Version
                    && Equals(first.Decision, second.Decision)
                    && Equals(Proceedings.Finality(first, CourtCalendar.Default, h.On), Proceedings.Finality(second, CourtCalendar.Default, h.On))
                    && Proceedings.StageOn(first, CourtCalendar.Default, h.On) == Proceedings.StageOn(second, CourtCalendar.Default, h.On)
                    && Same(RemovalCheck.Check(CaseHistory.Fold(h.Events, h.On), h.To, h.On, CourtCalendar.Default, h.On),
                            RemovalCheck.Check(CaseHistory.Fold([.. h.Events], h.On), h.To, h.On, CourtCalendar.Default, h.On))
                    && DeadlineCalculator.For(first, CourtCalendar.Default, h.On).SequenceEqual(DeadlineCalculator.For(second, CourtCalendar.Default, h.On)))
                .Label(h.ToString());
        });

    /// <summary>Pairs of events that do not interact in any rule: which comes first on a day does not matter.</summary>
    private static Gen<(CaseEvent, CaseEvent)> IndependentPair(LocalDate on) => Gen.Elements<(CaseEvent, CaseEvent)>(
        (new MailingAddressChanged("12 Lantern Row, Brindlemoor") { On = on }, new AttorneyEntered("Tamsin Oakhollow", "BAR-90311") { On = on }),
        (new MailingAddressChanged("12 Lantern Row, Brindlemoor") { On = on }, new CustodyStarted { On = on }),
        (new AttorneyEntered("Tamsin Oakhollow", "BAR-90311") { On = on }, new ThirdCountryNoticeServed(Histories.Countries[3]) { On = on }),
        (new AttorneyWithdrew { On = on }, new ApplicationFiled(Relief.Cat) { On = on }),
        (new MailingAddressChanged("12 Lantern Row, Brindlemoor") { On = on }, new PetitionForReviewFiled("Court of Appeals") { On = on }));

    private static readonly Arbitrary<(Histories.Checked History, int At, CaseEvent A, CaseEvent B)> Swaps =
        (from h in Histories.CheckedHistory
         from at in Gen.Choose(1, h.Events.Length)
         from day in Histories.Date
         from pair in IndependentPair(day)
         select (h, at, pair.Item1, pair.Item2)).ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Swapping_two_independent_events_of_the_same_day_changes_no_answer() =>
        Prop.ForAll(Swaps, s =>
        {
            var events = s.History.Events;
            CaseEvent[] oneWay = [.. events[..s.At], s.A, s.B, .. events[s.At..]];
            CaseEvent[] otherWay = [.. events[..s.At], s.B, s.A, .. events[s.At..]];
            var on = s.History.On;
            var first = CaseHistory.Fold(oneWay);
            var second = CaseHistory.Fold(otherWay);

            return (first.Stage == second.Stage
                    && first.Version == second.Version
                    && Equals(first.Decision, second.Decision)
                    && Equals(Proceedings.Finality(first, CourtCalendar.Default, on), Proceedings.Finality(second, CourtCalendar.Default, on))
                    && Same(RemovalCheck.Check(CaseHistory.Fold(oneWay, on), s.History.To, on, CourtCalendar.Default, on),
                            RemovalCheck.Check(CaseHistory.Fold(otherWay, on), s.History.To, on, CourtCalendar.Default, on))
                    && DeadlineCalculator.For(first, CourtCalendar.Default, on).SequenceEqual(DeadlineCalculator.For(second, CourtCalendar.Default, on)))
                .Label($"{s.A.Type} and {s.B.Type} at {s.At}; {s.History}");
        });

    [Fact]
    public void Order_matters_where_the_law_does_a_stay_lifted_before_it_was_granted_lifts_nothing()
    {
        // Not every swap is neutral: the fold reads the log in order, and a lift recorded
        // before the grant has nothing to lift, so the stay stays in force.
        var day = new LocalDate(2025, 5, 1);
        var order = new JudgeDecided(DecisionOutcome.RemovalOrdered, RemovalCountry: Histories.Countries[0], Appeal: AppealChoice.Waived) { On = day };
        CaseEvent grant = new StayGranted(StayAuthority.Board) { On = day };
        CaseEvent lift = new StayLifted(StayAuthority.Board) { On = day };
        var check = (CaseEvent[] e) => RemovalCheck.Check(CaseHistory.Fold(e, day.PlusDays(1)), Histories.Countries[0], day.PlusDays(1), CourtCalendar.Default, day.PlusDays(1)).Outcome;

        Assert.Equal(RemovalOutcome.Allowed, check([Support.Synthetic.Opened(), order, grant, lift]));
        Assert.Equal(RemovalOutcome.Blocked, check([Support.Synthetic.Opened(), order, lift, grant]));
    }

    private static bool Same(RemovalCheckResult a, RemovalCheckResult b) =>
        a.Outcome == b.Outcome && a.Findings.Select(f => f.Rule).SequenceEqual(b.Findings.Select(f => f.Rule));
}
