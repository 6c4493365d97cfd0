namespace Docket.Domain.Rules;

/// <summary>A safeguard that forbids a step, named by its rule id in docs/rules.md.</summary>
public sealed record Violation(string Rule, string Message);
