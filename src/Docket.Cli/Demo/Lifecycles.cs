using Docket.Domain.Countries;
using Docket.Domain.Events;

namespace Docket.Cli.Demo;

/// <summary>
/// Typical paths through removal proceedings, for demonstration data. Each is a plausible
/// order of events with plausible gaps; none describes a real person.
/// </summary>
internal static class Lifecycles
{
    private static readonly string[] Courts = ["New York Broadway", "Los Angeles Olive", "Miami Krome", "Houston Greenspoint", "Chicago Van Buren"];
    private static readonly string[] Attorneys = ["Marisol Ferrandiz-Oakes", "Tobias Wendelmark", "Priya Castellano", "Odile Nakamura-Reyes", "Gideon Ashcombe"];

    public static readonly Func<Timeline, CountryCode, Timeline>[] All =
    [
        ReliefGranted, AppealDismissed, VoluntaryDeparture, InAbsentiaAndMotion, FearScreeningAndWithholding,
        TemporaryProtectedStatus, RemovalCarriedOut, AwaitingHearing, CitizenshipEstablished,
    ];

    private static string Court(Timeline t) => t.Random.ArrayElement(Courts);

    private static Timeline Charged(Timeline t, bool admitted) => t
        .Then(200, 900, _ => new NoticeToAppearServed(
            t.Random.Bool() ? ServiceMethod.Personal : ServiceMethod.Mail,
            Charges: [admitted ? "INA 237(a)(1)(B): remained longer than permitted" : "INA 212(a)(6)(A)(i): present without admission or parole"]))
        .Then(14, 60, _ => new HearingScheduled(t.Cursor.PlusDays(t.Random.Number(30, 120)), HearingKind.Master, Court(t)))
        .Maybe(0.6, x => x.Then(5, 40, _ => new AttorneyEntered(x.Random.ArrayElement(Attorneys), $"{x.Random.Number(100000, 999999)}")));

    private static Timeline Arrived(Timeline t) => t.Random.Bool()
        ? t.Then(0, 0, _ => new Admitted(t.Random.ArrayElement(["B2", "B1", "F1", "H2B"]), t.Cursor.PlusDays(180)))
        : t.Then(0, 0, _ => new Entered(EntryMethod.WithoutInspection));

    private static Timeline ReliefGranted(Timeline t, CountryCode country) => Charged(Arrived(t), true)
        .Then(20, 200, _ => new ApplicationFiled(Relief.Asylum))
        .Then(60, 400, _ => new HearingScheduled(t.Cursor.PlusDays(t.Random.Number(60, 200)), HearingKind.Individual, Court(t)))
        .Then(70, 210, _ => new JudgeDecided(DecisionOutcome.ReliefGranted, Relief: Relief.Asylum, Appeal: AppealChoice.Waived))
        .Then(1, 10, _ => new CaseClosed(ClosureReason.ReliefGranted));

    private static Timeline AppealDismissed(Timeline t, CountryCode country) => Charged(Arrived(t), false)
        .Then(20, 200, _ => new ApplicationFiled(Relief.Asylum))
        .Then(90, 400, _ => new JudgeDecided(DecisionOutcome.RemovalOrdered, RemovalCountry: country, Appeal: AppealChoice.Reserved))
        .Then(5, 28, _ => new AppealFiled())
        .Then(120, 500, _ => new AppealDecided(AppealOutcome.Dismissed))
        .Maybe(0.5, x => x
            .Then(5, 25, _ => new PetitionForReviewFiled("United States Court of Appeals for the Fifth Circuit"))
            .Then(1, 5, _ => new StayRequested(StayAuthority.CircuitCourt)));

    private static Timeline VoluntaryDeparture(Timeline t, CountryCode country) => Charged(Arrived(t), true)
        .Then(30, 200, _ => new ApplicationFiled(Relief.VoluntaryDeparture))
        .Then(30, 200, on => new JudgeDecided(DecisionOutcome.VoluntaryDepartureGranted, RemovalCountry: country, DepartBy: on.PlusDays(60), Appeal: AppealChoice.Waived))
        .Then(1, 4, _ => new VoluntaryDepartureBondPosted())
        .Then(10, 50, _ => new DepartureReported(country, DepartureSource.SelfReport))
        .Then(3, 20, _ => new DepartureVerified())
        .Then(1, 10, _ => new CaseClosed(ClosureReason.Departed));

    private static Timeline InAbsentiaAndMotion(Timeline t, CountryCode country) => Arrived(t)
        .Then(30, 300, _ => new MailingAddressChanged($"{t.Random.Number(10, 9999)} Calle Ficticia, Apt {t.Random.Number(1, 40)}, Springfield"))
        .Then(200, 700, on => new NoticeToAppearServed(ServiceMethod.Mail, on.PlusDays(45), Court(t), ["INA 212(a)(6)(A)(i): present without admission or parole"]))
        .Then(45, 45, _ => new JudgeDecided(DecisionOutcome.RemovalOrdered, RemovalCountry: country, InAbsentia: true))
        .Maybe(0.7, x => x
            .Then(20, 170, _ => new MotionFiled(MotionKind.Reopen, x.Random.Bool() ? MotionGrounds.InAbsentiaNoNotice : MotionGrounds.InAbsentiaExceptional))
            .Then(30, 150, _ => new MotionDecided(x.Random.Bool(0.6f) ? MotionOutcome.Granted : MotionOutcome.Denied)));

    private static Timeline FearScreeningAndWithholding(Timeline t, CountryCode country) => t
        .Then(0, 0, _ => new Entered(EntryMethod.WithoutInspection))
        .Then(1, 3, _ => new CustodyStarted())
        .Then(0, 2, _ => new FearExpressed())
        .Then(5, 20, _ => new FearScreeningCompleted(ScreeningOutcome.Positive, JudgeReview.Declined, country))
        .Then(5, 30, _ => new NoticeToAppearServed(ServiceMethod.Personal, Charges: ["INA 212(a)(7)(A)(i)(I): no valid entry document"]))
        .Then(10, 40, _ => new CustodyEnded())
        .Then(20, 200, _ => new ApplicationFiled(Relief.Withholding))
        .Then(90, 400, _ => new JudgeDecided(
            DecisionOutcome.RemovalOrdered, Relief: Relief.Withholding, RemovalCountry: country,
            ProtectedCountries: [country], Appeal: AppealChoice.Waived));

    private static Timeline TemporaryProtectedStatus(Timeline t, CountryCode country) => t
        .Then(0, 0, on => new Paroled(on.PlusDays(365)))
        .Then(100, 300, on => new ProtectedStatusGranted(ProtectedStatusKind.Tps, on.PlusMonths(18)))
        .Maybe(0.4, x => Charged(x, true)
            .Then(60, 300, _ => new JudgeDecided(DecisionOutcome.Terminated, Appeal: AppealChoice.Waived))
            .Then(1, 10, _ => new CaseClosed(ClosureReason.Terminated)));

    private static Timeline RemovalCarriedOut(Timeline t, CountryCode country) => Charged(Arrived(t), false)
        .Then(30, 200, _ => new JudgeDecided(DecisionOutcome.RemovalOrdered, RemovalCountry: country, Appeal: AppealChoice.Waived))
        .Then(1, 20, _ => new CustodyStarted())
        .Then(10, 80, _ => new RemovalCarriedOut(country))
        .Then(1, 5, _ => new CaseClosed(ClosureReason.Removed));

    private static Timeline AwaitingHearing(Timeline t, CountryCode country) => Charged(Arrived(t), true)
        .Maybe(0.5, x => x.Then(10, 300, _ => new ApplicationFiled(x.Random.Bool() ? Relief.Cancellation : Relief.Adjustment)));

    private static Timeline CitizenshipEstablished(Timeline t, CountryCode country) => Charged(Arrived(t), false)
        .Then(5, 60, _ => new CitizenshipClaimed())
        .Then(30, 200, _ => new CitizenshipClaimResolved(ClaimOutcome.Established))
        .Then(5, 30, _ => new JudgeDecided(DecisionOutcome.Terminated, Appeal: AppealChoice.Waived))
        .Then(1, 10, _ => new CaseClosed(ClosureReason.Terminated));
}
