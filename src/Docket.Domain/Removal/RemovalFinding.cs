using Docket.Domain.Rules;

namespace Docket.Domain.Removal;

/// <summary>One reason removal may not proceed: a rule that forbids it, or one that needs a person to decide.</summary>
public sealed record RemovalFinding(string Rule, string Message, bool Blocks)
{
    public Violation ToViolation() => new(Rule, Message, Blocks ? ViolationEffect.Blocks : ViolationEffect.NeedsReview);
}

public sealed record RemovalCheckResult(RemovalOutcome Outcome, IReadOnlyList<RemovalFinding> Findings)
{
    public bool Allowed => Outcome == RemovalOutcome.Allowed;

    public IReadOnlyList<Violation> Violations => [.. Findings.Select(f => f.ToViolation())];

    public static RemovalCheckResult From(IReadOnlyList<RemovalFinding> findings) => new(
        findings.Any(f => f.Blocks) ? RemovalOutcome.Blocked
            : findings.Count > 0 ? RemovalOutcome.NeedsReview
            : RemovalOutcome.Allowed,
        findings);
}
