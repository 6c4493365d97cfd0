using Docket.Domain.Countries;
using Docket.Domain.Events;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Properties;

/// <summary>
/// Generators of case histories for the properties: any mix of the v1 events, in any order,
/// dated 2024 to 2026. The histories need not make legal sense (the decider is not asked);
/// the fold and the rules must still answer, and answer consistently.
/// </summary>
internal static class Histories
{
    public static readonly LocalDate First = Day(2024, 1, 1);

    public const int Span = 3 * 365;

    public static readonly CountryCode[] Countries = [.. new[] { "MEX", "GTM", "SLV", "CRI", "VEN" }.Select(CountryCode.Parse)];

    public static Gen<LocalDate> Date { get; } = Gen.Choose(0, Span).Select(d => First.PlusDays(d));

    public static Gen<CountryCode> Country { get; } = Gen.Elements(Countries);

    private static Gen<T> Any<T>() where T : struct, Enum => Gen.Elements(Enum.GetValues<T>());

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(v => (T?)v)));

    private static Gen<CaseEvent> Dated(Gen<CaseEvent> body) =>
        from @event in body
        from day in Date
        select @event with { On = day };

    private static Gen<CaseEvent> Event(CaseEvent @event) => Gen.Constant(@event);

    private static readonly Gen<CaseEvent> Decision =
        from outcome in Any<DecisionOutcome>()
        from inAbsentia in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from appeal in Any<AppealChoice>()
        from country in Maybe(Country)
        from protectedCountry in Maybe(Country)
        from relief in Maybe(Any<Relief>())
        from departDays in Maybe(Gen.Choose(1, 120))
        select (CaseEvent)new JudgeDecided(
            outcome,
            relief,
            country,
            [],
            protectedCountry is { } p ? [p] : [],
            departDays is { } days ? First.PlusDays(Span / 2 + days) : null,
            inAbsentia ? null : appeal,
            inAbsentia);

    /// <summary>Any one event after the opening (no corrections: their versions depend on position).</summary>
    public static Gen<CaseEvent> AnyEvent { get; } = Dated(Gen.OneOf(
        Event(new MailingAddressChanged("7 Wicker Lane, Brindlemoor")),
        Event(new AttorneyEntered("Orsolya Fennimore", "BAR-77120")),
        Event(new AttorneyWithdrew()),
        Event(new Entered(EntryMethod.WithoutInspection)),
        Event(new Paroled()),
        Event(new NoticeToAppearServed(ServiceMethod.Personal)),
        Date.Select(d => (CaseEvent)new HearingScheduled(d, HearingKind.Individual, "Brindlemoor Immigration Court")),
        Any<Relief>().Select(r => (CaseEvent)new ApplicationFiled(r)),
        Decision,
        Decision,
        Event(new VoluntaryDepartureBondPosted()),
        Event(new ExpeditedRemovalOrdered()),
        Event(new AppealFiled()),
        Any<AppealOutcome>().Select(o => (CaseEvent)new AppealDecided(o)),
        Any<MotionKind>().SelectMany(_ => Any<MotionGrounds>(), (k, g) => (CaseEvent)new MotionFiled(k, g)),
        Any<MotionOutcome>().Select(o => (CaseEvent)new MotionDecided(o)),
        Event(new PetitionForReviewFiled("Court of Appeals")),
        Any<StayAuthority>().Select(a => (CaseEvent)new StayRequested(a)),
        Any<StayAuthority>().SelectMany(_ => Maybe(Date), (a, until) => (CaseEvent)new StayGranted(a, until)),
        Any<StayAuthority>().Select(a => (CaseEvent)new StayLifted(a)),
        Any<ProtectedStatusKind>().SelectMany(_ => Maybe(Date), (k, until) => (CaseEvent)new ProtectedStatusGranted(k, until)),
        Any<ProtectedStatusKind>().Select(k => (CaseEvent)new ProtectedStatusEnded(k)),
        Event(new CitizenshipClaimed()),
        Any<ClaimOutcome>().Select(o => (CaseEvent)new CitizenshipClaimResolved(o)),
        Event(new FearExpressed()),
        Any<ScreeningOutcome>().SelectMany(_ => Any<JudgeReview>(), (o, r) => (CaseEvent)new FearScreeningCompleted(o, r)),
        Country.Select(c => (CaseEvent)new ThirdCountryNoticeServed(c)),
        Event(new CustodyStarted()),
        Event(new CustodyEnded()),
        Country.Select(c => (CaseEvent)new DepartureReported(c, DepartureSource.ExitRecord)),
        Event(new DepartureVerified()),
        Event(new DepartureRejected("no exit record")),
        Country.Select(c => (CaseEvent)new RemovalCarriedOut(c)),
        Any<ClosureReason>().Select(r => (CaseEvent)new CaseClosed(r))));

    /// <summary>An opened case followed by 0 to about 30 events.</summary>
    public static Gen<CaseEvent[]> Stream { get; } =
        AnyEvent.ListOf().Select(rest => (CaseEvent[])[Opened(), .. rest]);

    /// <summary>A history, a day to check it on and a destination.</summary>
    public sealed record Checked(CaseEvent[] Events, LocalDate On, CountryCode To)
    {
        public override string ToString() =>
            $"on {On} to {To}: {string.Join(" | ", Events.Skip(1).Select(EventJson.SerializeBody))}";
    }

    public static Gen<Checked> CheckedHistory { get; } =
        from events in Stream
        from day in Date
        from to in Country
        select new Checked(events, day, to);
}
