using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Domain.Removal;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Docket.Domain.Tests.Properties;

/// <summary>
/// A stay or a protected status in force can only stop removal (STAY-*, COURT-ORDER, DHS-STAY,
/// PFR-NO-AUTO-STAY, TPS, HOLDS): adding one to any history never turns <c>blocked</c> into
/// <c>allowed</c>, never makes anything <c>allowed</c> that was not, and in fact blocks.
/// </summary>
public sealed class StaysNeverAllowProperty
{
    private static Gen<LocalDate?> UntilAfter(LocalDate on) =>
        Gen.Frequency(
            (1, Gen.Constant<LocalDate?>(null)),
            (2, Gen.Choose(1, 400).Select(d => (LocalDate?)on.PlusDays(d))));

    private static Gen<CaseEvent> Protection(LocalDate checkedOn) =>
        from back in Gen.Choose(0, 500)
        from until in UntilAfter(checkedOn)
        from stay in Gen.Elements(true, false)
        from authority in Gen.Elements(Enum.GetValues<StayAuthority>())
        from kind in Gen.Elements(Enum.GetValues<ProtectedStatusKind>())
        select stay
            ? (CaseEvent)new StayGranted(authority, until, "generated") { On = checkedOn.PlusDays(-back) }
            : new ProtectedStatusGranted(kind, until) { On = checkedOn.PlusDays(-back) };

    private static readonly Arbitrary<(Histories.Checked History, CaseEvent Added)> Cases =
        Histories.CheckedHistory
            .SelectMany(h => Protection(h.On), (h, added) => (h, added))
            .ToArbitrary();

    private static RemovalCheckResult Check(IEnumerable<CaseEvent> events, Histories.Checked h) =>
        RemovalCheck.Check(CaseHistory.Fold(events, h.On), h.To, h.On, CourtCalendar.Default, h.On);

    [Property(MaxTest = 1000)]
    public Property Adding_a_stay_or_protection_in_force_never_allows_removal() =>
        Prop.ForAll(Cases, c =>
        {
            var before = Check(c.History.Events, c.History).Outcome;
            var after = Check([.. c.History.Events, c.Added], c.History).Outcome;

            // PAROLE-NTA: a parole granted before a Notice to Appear may have been ended by it,
            // so it sends the check for review instead of blocking; never allowed either way.
            var paroleBeforeNotice = c.Added is ProtectedStatusGranted { Kind: ProtectedStatusKind.Parole } parole
                && c.History.Events.OfType<NoticeToAppearServed>().Any(n => n.On >= parole.On && n.On <= c.History.On);
            return (!(before == RemovalOutcome.Blocked && after == RemovalOutcome.Allowed)
                    && after != RemovalOutcome.Allowed
                    && (after == RemovalOutcome.Blocked || paroleBeforeNotice))
                .Label($"{before} became {after} after {EventJson.SerializeBody(c.Added)}; {c.History}");
        });

    [Property(MaxTest = 500)]
    public Property Recording_a_removal_is_accepted_only_when_the_check_allows_it() =>
        Prop.ForAll(Histories.CheckedHistory.ToArbitrary(), h =>
        {
            // On the day of removal the log holds nothing dated later (RECORD-NOT-FUTURE).
            var recorded = h.Events.Where(e => e.On <= h.On).ToList();
            var state = CaseHistory.Fold(recorded);
            var decision = Docket.Domain.Rules.CaseDecider.Decide(state, new RemovalCarriedOut(h.To) { On = h.On }, CourtCalendar.Default, h.On);
            var check = Check(recorded, h);

            return (decision.Accepted == check.Allowed).Label($"decider {decision.Accepted}, check {check.Outcome}; {h}");
        });
}
