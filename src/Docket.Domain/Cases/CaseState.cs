using System.Collections.Immutable;
using Docket.Domain.Events;
using NodaTime;

namespace Docket.Domain.Cases;

/// <summary>
/// What the history of one case adds up to: a pure, deterministic fold over its events
/// (<see cref="CaseHistory.Fold"/>). Immutable; each event gives a new state. Dates that
/// depend on today (is the order final yet?) are not held here but computed from it by
/// <c>Proceedings</c> and the deadline and removal rules.
/// </summary>
public sealed record CaseState
{
    public static CaseState Empty { get; } = new();

    public CaseIdentity? Identity { get; init; }

    public AttorneyOfRecord? Attorney { get; init; }

    /// <summary>The stage the events alone give; see <c>Proceedings.StageOn</c> for the stage on a date.</summary>
    public CaseStage Stage { get; init; } = CaseStage.PreProceedings;

    /// <summary>The number of events in the stream, corrections included: the version an append must expect.</summary>
    public int Version { get; init; }

    public string? MailingAddress { get; init; }

    /// <summary>The last arrival (admission, parole or entry): it starts the ASY-1YR clock.</summary>
    public LocalDate? LastArrivalOn { get; init; }

    public LocalDate? NoticeToAppearServedOn { get; init; }

    /// <summary>The hearing currently set; a new setting replaces the previous one.</summary>
    public Hearing? ScheduledHearing { get; init; }

    public ImmutableList<ApplicationRecord> Applications { get; init; } = [];

    /// <summary>The judge's decision in force; cleared when reopened, reconsidered or remanded.</summary>
    public JudgeDecided? Decision { get; init; }

    public LocalDate? ExpeditedRemovalOrderedOn { get; init; }

    public LocalDate? VoluntaryDepartureBondPostedOn { get; init; }

    /// <summary>Appeals to the BIA since the decision in force.</summary>
    public ImmutableList<AppealRecord> Appeals { get; init; } = [];

    public ImmutableList<MotionRecord> Motions { get; init; } = [];

    public LocalDate? PetitionForReviewFiledOn { get; init; }

    public ImmutableList<StayRequestRecord> StayRequests { get; init; } = [];

    public ImmutableList<StayRecord> Stays { get; init; } = [];

    public ImmutableList<ProtectionRecord> Protections { get; init; } = [];

    public CitizenshipClaimRecord? CitizenshipClaim { get; init; }

    public FearRecord? Fear { get; init; }

    public ImmutableList<ThirdCountryNotice> ThirdCountryNotices { get; init; } = [];

    public ImmutableList<CustodyRecord> Custody { get; init; } = [];

    public DepartureReported? DepartureReport { get; init; }

    public LocalDate? DepartureVerifiedOn { get; init; }

    public RemovalCarriedOut? Removal { get; init; }

    public CaseClosed? Closure { get; init; }

    public ImmutableList<CaseEvent> Events { get; init; } = [];

    public bool Exists => Identity is not null;

    /// <summary>The hearing set for <paramref name="today"/> or later, if any.</summary>
    public Hearing? NextHearing(LocalDate today) =>
        ScheduledHearing is { } hearing && hearing.Date >= today ? hearing : null;

    /// <summary>The appeal of the judge's decision in force (not of a motion), if one was filed.</summary>
    public AppealRecord? DecisionAppeal => Appeals.LastOrDefault(a => a.OfMotion is null);
}
