namespace Docket.Domain.Rules;

/// <summary>
/// What a violation does to the step: it forbids it outright, or it holds it until a person
/// has decided (the law is unsettled or a fact is missing). Either way nothing is recorded.
/// </summary>
public enum ViolationEffect { Blocks, NeedsReview }

/// <summary>A safeguard that forbids a step, named by its rule id in docs/rules.md.</summary>
public sealed record Violation(string Rule, string Message, ViolationEffect Effect = ViolationEffect.Blocks);
