using Docket.Domain.Countries;

namespace Docket.Domain.Events;

/// <summary>A statement of fear in expedited removal or reinstatement; screening must follow (ER-FEAR-REFER).</summary>
public sealed record FearExpressed : CaseEvent;

public sealed record FearScreeningCompleted(
    ScreeningOutcome Outcome,
    JudgeReview JudgeReview,
    CountryCode? Country = null) : CaseEvent;

public sealed record ExpeditedRemovalOrdered : CaseEvent;
