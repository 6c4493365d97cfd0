using Docket.Domain.Deadlines;

namespace Docket.Web.Work;

/// <summary>Short names of the deadline kinds, for the kind filter of My work.</summary>
public static class DeadlineKindNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [DeadlineKinds.FirstHearingEarliest] = "Earliest first hearing",
        [DeadlineKinds.Appeal] = "Appeal",
        [DeadlineKinds.VoluntaryDeparture] = "Voluntary departure",
        [DeadlineKinds.VdBond] = "Voluntary departure bond",
        [DeadlineKinds.MotionToReopen] = "Motion to reopen",
        [DeadlineKinds.MotionToReconsider] = "Motion to reconsider",
        [DeadlineKinds.InAbsentiaReopen] = "Reopening an in-absentia order",
        [DeadlineKinds.AsylumOneYear] = "Asylum one-year filing",
        [DeadlineKinds.PetitionForReview] = "Petition for review",
        [DeadlineKinds.RemovalPeriodEnd] = "End of the removal period",
        [DeadlineKinds.CustodyReview] = "Custody review",
        [DeadlineKinds.CredibleFearReview] = "Review of a fear finding",
    };

    /// <summary>Every kind, in the order of the filter.</summary>
    public static IEnumerable<(string Kind, string Name)> All => DeadlineMeaning.KnownKinds.Select(k => (k, Name(k)));

    public static string Name(string kind) => Names.TryGetValue(kind, out var name) ? name : kind;
}
