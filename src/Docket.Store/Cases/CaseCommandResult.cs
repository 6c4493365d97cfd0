using Docket.Domain.Cases;
using Docket.Domain.Rules;

namespace Docket.Store.Cases;

/// <summary>What became of a request to open a case or record an event.</summary>
public abstract record CaseCommandResult
{
    public sealed record Opened(ANumber ANumber, int Version, string AccessCode) : CaseCommandResult;

    public sealed record Appended(int Version) : CaseCommandResult;

    public sealed record NotFound : CaseCommandResult;

    /// <summary>The request makes no sense against this case (HTTP 400).</summary>
    public sealed record Invalid(IReadOnlyList<string> Problems) : CaseCommandResult;

    /// <summary>A safeguard of the law forbids the step (HTTP 422).</summary>
    public sealed record Refused(IReadOnlyList<Violation> Violations) : CaseCommandResult;

    /// <summary>The case is not at the version the caller expected (HTTP 409); nothing was written.</summary>
    public sealed record Conflict(int ActualVersion) : CaseCommandResult;
}
