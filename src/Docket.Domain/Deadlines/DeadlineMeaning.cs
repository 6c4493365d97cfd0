namespace Docket.Domain.Deadlines;

/// <summary>What a deadline's date is: the last day to act, or the earliest day something may happen.</summary>
public enum DeadlineDateIs { LastDay, EarliestDay }

/// <summary>What each deadline kind means, in plain words, for the people reading a case.</summary>
public static class DeadlineMeaning
{
    private static readonly Dictionary<string, (DeadlineDateIs DateIs, string Description)> Kinds = new(StringComparer.Ordinal)
    {
        [DeadlineKinds.FirstHearingEarliest] = (DeadlineDateIs.EarliestDay, "The earliest day the first hearing may be held, so the person has time to find a lawyer (unless they ask in writing for an earlier date)."),
        [DeadlineKinds.Appeal] = (DeadlineDateIs.LastDay, "The last day the Board of Immigration Appeals can receive an appeal of the judge's decision."),
        [DeadlineKinds.VoluntaryDeparture] = (DeadlineDateIs.LastDay, "The last day to leave the United States under voluntary departure; after it the alternate removal order takes effect and overstay penalties can apply."),
        [DeadlineKinds.VdBond] = (DeadlineDateIs.LastDay, "The last day to post the voluntary departure bond with DHS; without it the voluntary departure ends and the alternate order becomes final."),
        [DeadlineKinds.MotionToReopen] = (DeadlineDateIs.LastDay, "The last day to file a motion to reopen the case (one motion, within 90 days of the final order)."),
        [DeadlineKinds.MotionToReconsider] = (DeadlineDateIs.LastDay, "The last day to file a motion asking the judge or the Board to reconsider the decision."),
        [DeadlineKinds.InAbsentiaReopen] = (DeadlineDateIs.LastDay, "The last day to ask to reopen an order made in absentia because of exceptional circumstances (a lack of notice can be raised at any time)."),
        [DeadlineKinds.AsylumOneYear] = (DeadlineDateIs.LastDay, "The last day to apply for asylum, one year after the last arrival, unless an exception applies."),
        [DeadlineKinds.PetitionForReview] = (DeadlineDateIs.LastDay, "The last day to file a petition for review of the final order with the court of appeals."),
        [DeadlineKinds.RemovalPeriodEnd] = (DeadlineDateIs.LastDay, "The end of the 90-day removal period in which DHS must carry out the order."),
        [DeadlineKinds.CustodyReview] = (DeadlineDateIs.LastDay, "Six months of detention after the order: continued detention must then be justified if removal is not likely soon."),
        [DeadlineKinds.CredibleFearReview] = (DeadlineDateIs.LastDay, "The last day for an immigration judge to review the negative fear finding."),
    };

    /// <summary>Every kind with a meaning; a test holds this to <see cref="DeadlineKinds"/>.</summary>
    public static IEnumerable<string> KnownKinds => Kinds.Keys;

    public static DeadlineDateIs DateIs(string kind) => Kinds[kind].DateIs;

    public static string Describe(string kind) => Kinds[kind].Description;
}
