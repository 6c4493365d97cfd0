namespace Docket.Domain.Events;

public sealed record AppealFiled : CaseEvent;

public sealed record AppealDecided(AppealOutcome Outcome) : CaseEvent;

public sealed record MotionFiled(MotionKind Kind, MotionGrounds Grounds) : CaseEvent;

public sealed record MotionDecided(MotionOutcome Outcome) : CaseEvent;

public sealed record PetitionForReviewFiled(string Court) : CaseEvent;
