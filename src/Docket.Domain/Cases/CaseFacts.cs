using Docket.Domain.Countries;
using Docket.Domain.Events;
using NodaTime;

namespace Docket.Domain.Cases;

// The facts the rules read, each a small immutable record kept by the fold.

/// <summary>A motion to reopen or reconsider, and its decision once made.</summary>
public sealed record MotionRecord(int Version, LocalDate FiledOn, MotionKind Kind, MotionGrounds Grounds, MotionOutcome? Outcome = null, LocalDate? DecidedOn = null)
{
    public bool Pending => Outcome is null;

    /// <summary>A motion to rescind an in-absentia order (INABS-RESCIND).</summary>
    public bool SeeksRescission => Kind == MotionKind.Reopen && Grounds is MotionGrounds.InAbsentiaExceptional or MotionGrounds.InAbsentiaNoNotice;
}

/// <summary>
/// An appeal to the BIA, of the judge's decision or (when <see cref="OfMotion"/> is set) of a
/// judge's denial of a motion.
/// </summary>
public sealed record AppealRecord(LocalDate FiledOn, MotionRecord? OfMotion, AppealOutcome? Outcome = null, LocalDate? DecidedOn = null)
{
    public bool Pending => Outcome is null;
}

public sealed record StayRequestRecord(StayAuthority Before, LocalDate RequestedOn, LocalDate? ResolvedOn = null)
{
    public bool Pending => ResolvedOn is null;
}

public sealed record StayRecord(StayAuthority By, LocalDate GrantedOn, LocalDate? Until, string? Reference, LocalDate? LiftedOn = null)
{
    /// <summary>In force on a date: granted by then, not lifted by then, not past its end.</summary>
    public bool InForceOn(LocalDate date) => GrantedOn <= date && (LiftedOn is null || LiftedOn > date) && (Until is null || Until >= date);
}

public sealed record ProtectionRecord(ProtectedStatusKind Kind, LocalDate GrantedOn, LocalDate? Until, LocalDate? EndedOn = null)
{
    public bool InForceOn(LocalDate date) => GrantedOn <= date && (EndedOn is null || EndedOn > date) && (Until is null || Until >= date);
}

public sealed record CitizenshipClaimRecord(LocalDate ClaimedOn, ClaimOutcome? Outcome = null, LocalDate? ResolvedOn = null);

public sealed record FearRecord(LocalDate ExpressedOn, FearScreeningCompleted? Screening = null);

public sealed record CustodyRecord(LocalDate StartedOn, LocalDate? EndedOn = null);

public sealed record ThirdCountryNotice(CountryCode Country, LocalDate ServedOn);

public sealed record ApplicationRecord(Relief Relief, LocalDate FiledOn);
