using NodaTime;

namespace Docket.Domain.Events;

public sealed record StayRequested(StayAuthority Before) : CaseEvent;

public sealed record StayGranted(StayAuthority By, LocalDate? Until = null, string? Reference = null) : CaseEvent;

public sealed record StayLifted(StayAuthority By) : CaseEvent;

public sealed record ProtectedStatusGranted(ProtectedStatusKind Kind, LocalDate? Until = null) : CaseEvent;

public sealed record ProtectedStatusEnded(ProtectedStatusKind Kind) : CaseEvent;

public sealed record CitizenshipClaimed : CaseEvent;

public sealed record CitizenshipClaimResolved(ClaimOutcome Outcome) : CaseEvent;
