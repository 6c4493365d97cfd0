namespace Docket.Domain.Removal;

/// <summary>
/// The answer to "may removal proceed?": <c>allowed</c>, <c>blocked</c> (a rule forbids it) or
/// <c>needs-review</c> (the law is unsettled or a fact is missing: a person must decide).
/// </summary>
public enum RemovalOutcome { Allowed, Blocked, NeedsReview }
