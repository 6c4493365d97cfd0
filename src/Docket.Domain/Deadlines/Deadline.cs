using NodaTime;

namespace Docket.Domain.Deadlines;

/// <summary>
/// A legal deadline: what it is (<see cref="Kind"/>, as in docs/http-api.md), its last day, already
/// moved past weekends and holidays where the rule says so, and the rule it comes from.
/// </summary>
public sealed record Deadline(string Kind, LocalDate Due, string Rule);

/// <summary>The deadline kinds of docs/http-api.md.</summary>
public static class DeadlineKinds
{
    public const string FirstHearingEarliest = "first-hearing-earliest";
    public const string Appeal = "appeal";
    public const string VoluntaryDeparture = "voluntary-departure";
    public const string VdBond = "vd-bond";
    public const string MotionToReopen = "motion-to-reopen";
    public const string MotionToReconsider = "motion-to-reconsider";
    public const string InAbsentiaReopen = "in-absentia-reopen";
    public const string AsylumOneYear = "asylum-one-year";
    public const string PetitionForReview = "petition-for-review";
    public const string RemovalPeriodEnd = "removal-period-end";
    public const string CustodyReview = "custody-review";
    public const string CredibleFearReview = "credible-fear-review";
}
