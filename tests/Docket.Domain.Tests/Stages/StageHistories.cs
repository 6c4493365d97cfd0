using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using NodaTime;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Stages;

/// <summary>A short lawful history that leaves a case in each stage on <see cref="Today"/>.</summary>
internal static class StageHistories
{
    public static readonly LocalDate Today = Day(2026, 6, 1);

    private static readonly CountryCode Mexico = CountryCode.Parse("MEX");

    public static IReadOnlyList<CaseEvent> For(CaseStage stage)
    {
        List<CaseEvent> events = [Opened(), new Entered(EntryMethod.WithoutInspection) { On = Day(2024, 2, 1) }];
        if (stage == CaseStage.PreProceedings)
        {
            return events;
        }

        events.Add(new NoticeToAppearServed(ServiceMethod.Personal, Day(2026, 2, 3), "Brindlemoor Immigration Court", ["212(a)(6)(A)(i)"]) { On = Day(2026, 1, 6) });
        switch (stage)
        {
            case CaseStage.InProceedings:
                break;
            case CaseStage.DecidedAppealable:
                events.Add(Decision(DecisionOutcome.RemovalOrdered, AppealChoice.Reserved, Today.PlusDays(-5)));
                break;
            case CaseStage.OnAppeal:
                events.Add(Decision(DecisionOutcome.RemovalOrdered, AppealChoice.Reserved, Today.PlusDays(-5)));
                events.Add(new AppealFiled { On = Today.PlusDays(-2) });
                break;
            case CaseStage.FinalOrder:
                events.Add(Decision(DecisionOutcome.RemovalOrdered, AppealChoice.Waived, Today.PlusDays(-10)));
                break;
            case CaseStage.VoluntaryDeparturePeriod:
                events.Add(Decision(DecisionOutcome.VoluntaryDepartureGranted, AppealChoice.Waived, Today.PlusDays(-10)) with { DepartBy = Today.PlusDays(40) });
                break;
            case CaseStage.ReliefGranted:
                events.Add(Decision(DecisionOutcome.ReliefGranted, AppealChoice.Waived, Today.PlusDays(-10)) with { Relief = Relief.Asylum });
                break;
            case CaseStage.Departed:
                events.Add(Decision(DecisionOutcome.RemovalOrdered, AppealChoice.Waived, Today.PlusDays(-10)));
                events.Add(new DepartureReported(Mexico, DepartureSource.ExitRecord) { On = Today.PlusDays(-4) });
                events.Add(new DepartureVerified { On = Today.PlusDays(-3) });
                break;
            case CaseStage.Removed:
                events.Add(Decision(DecisionOutcome.RemovalOrdered, AppealChoice.Waived, Today.PlusDays(-10)));
                events.Add(new RemovalCarriedOut(Mexico) { On = Today.PlusDays(-3) });
                break;
            case CaseStage.Closed:
                events.Add(new CaseClosed(ClosureReason.Administrative) { On = Today.PlusDays(-3) });
                break;
        }

        return events;
    }

    public static CaseState State(CaseStage stage) => CaseHistory.Fold(For(stage));

    private static JudgeDecided Decision(DecisionOutcome outcome, AppealChoice appeal, LocalDate on) =>
        new(outcome, RemovalCountry: Mexico, AlternateCountries: [], ProtectedCountries: [], Appeal: appeal, InAbsentia: false) { On = on };

    /// <summary>The stage the history gives on <see cref="Today"/>, as the decider reads it.</summary>
    public static CaseStage StageOn(CaseState state) => Proceedings.StageOn(state, CourtCalendar.Default, Today);
}
