using System.Text.Json;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Docket.Store.Tests.Statistics;

/// <summary>One step of a generated history: an event for one of a few cases, or a catch-up of the projection.</summary>
public sealed record HistoryStep(int Case, CaseEvent? Event)
{
    public bool IsCatchUp => Event is null;
}

/// <summary>
/// Histories for the projection properties: the events that move the statistics (attorneys,
/// hearings, decisions, departure reports, verifications, rejections and corrections of them),
/// for a handful of cases, dated over 2025 and 2026, interleaved with catch-ups. They need not
/// make legal sense: the projection counts whatever the log holds, and must count it as a rebuild does.
/// </summary>
internal static class StatisticsHistories
{
    public const int Cases = 6;

    private static readonly LocalDate First = new(2025, 1, 1);

    private static readonly Gen<LocalDate> Date = Gen.Choose(0, 500).Select(d => First.PlusDays(d));

    private static readonly Gen<CountryCode> Country = Gen.Elements("GTM", "MEX", "SLV").Select(CountryCode.Parse);

    private static Gen<T> Any<T>() where T : struct, Enum => Gen.Elements(Enum.GetValues<T>());

    private static readonly Gen<CaseEvent> Decision =
        from outcome in Any<DecisionOutcome>()
        from relief in Gen.Elements<Relief?>(null, Relief.Asylum, Relief.Cancellation)
        from inAbsentia in Gen.Elements(false, false, true)
        from departBy in Gen.Elements<int?>(null, 30, 60)
        from day in Date
        select (CaseEvent)new JudgeDecided(outcome, relief, CountryCode.Parse("GTM"), [], [], departBy is { } d ? day.PlusDays(d) : null,
            inAbsentia ? null : AppealChoice.Waived, inAbsentia) { On = day };

    private static readonly Gen<CaseEvent> Report =
        from country in Country
        from source in Any<DepartureSource>()
        from day in Date
        select (CaseEvent)new DepartureReported(country, source) { On = day };

    private static readonly Gen<CaseEvent> Plain = Gen.OneOf(
        Date.Select(day => (CaseEvent)new AttorneyEntered("Orsolya Fennimore", "BAR-77120") { On = day }),
        Date.Select(day => (CaseEvent)new AttorneyWithdrew { On = day }),
        from court in Gen.Elements("Brindlemoor Immigration Court", "Fallowmere Immigration Court")
        from day in Date
        select (CaseEvent)new HearingScheduled(day.PlusDays(20), HearingKind.Individual, court) { On = day },
        Decision,
        Report,
        Date.Select(day => (CaseEvent)new DepartureVerified { On = day }),
        Date.Select(day => (CaseEvent)new DepartureRejected("the boarding pass was for another person") { On = day }));

    /// <summary>A correction of an earlier event (versions 2 to 6; one past the case's end is ignored by the fold) by a report or a decision.</summary>
    private static readonly Gen<CaseEvent> Correction =
        from version in Gen.Choose(2, 6)
        from replacement in Gen.OneOf(Report, Decision)
        from day in Date
        select (CaseEvent)new EntryCorrected(version, "entered with a typing mistake",
            JsonDocument.Parse(EventJson.SerializeBody(replacement)).RootElement.Clone()) { On = day };

    private static readonly Gen<HistoryStep> Step = Gen.Frequency(
        (1, Gen.Constant(new HistoryStep(0, null))),
        (8, from c in Gen.Choose(0, Cases - 1) from e in Plain select new HistoryStep(c, e)),
        (1, from c in Gen.Choose(0, Cases - 1) from e in Correction select new HistoryStep(c, e)));

    public static Arbitrary<HistoryStep[]> Histories { get; } = Gen.ArrayOf(Step).ToArbitrary();
}
