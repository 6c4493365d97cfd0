using Docket.Domain.Cases;
using Docket.Store.Access;
using Docket.Store.Events;
using Docket.Web.Auth;
using Docket.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Cases;

/// <summary>A case as read for one caller: its stored rows and the state they fold to.</summary>
public sealed record LoadedCase(CaseState State, IReadOnlyList<EventRow> Rows);

/// <summary>
/// The one way an endpoint reaches a case. It parses the A-number, loads and folds the case,
/// and checks the caller's caseload. A read is logged in the access log before anything is
/// returned; reading outside one's caseload needs <c>X-Access-Reason</c> and a role that may
/// break glass, and is flagged. An unknown case and a case outside the caseload get the same
/// 404, so nobody can probe which A-numbers exist.
/// </summary>
public static class CaseLoader
{
    public const string ReasonHeader = "X-Access-Reason";

    /// <summary>
    /// Loads a case to read it; <paramref name="purpose"/> is what the access log records. A
    /// break-glass reason comes from <c>X-Access-Reason</c>, or (the staff pages' form) <paramref name="reason"/>.
    /// </summary>
    public static Task<(LoadedCase? Case, ProblemHttpResult? Problem)> ReadAsync(
        string aNumber, string purpose, HttpContext http, EventReader reader, AccessLog accessLog, CancellationToken cancellationToken, string? reason = null) =>
        LoadAsync(aNumber, purpose, http, reader, accessLog, cancellationToken, reasonGiven: reason);

    /// <summary>
    /// Loads a case to record on it: only inside the caller's caseload, never by breaking glass.
    /// A write refused because the case is outside the caseload is logged (outcome "refused",
    /// <paramref name="purpose"/>) as a refused read is, so an audit sees attempts on others' cases.
    /// </summary>
    public static Task<(LoadedCase? Case, ProblemHttpResult? Problem)> LoadForWriteAsync(
        string aNumber, string purpose, HttpContext http, EventReader reader, AccessLog accessLog, CancellationToken cancellationToken) =>
        LoadAsync(aNumber, purpose, http, reader, accessLog, cancellationToken, write: true);

    /// <summary>Logs a write refused on a case in the caller's caseload (a filing their role may not make).</summary>
    public static Task LogRefusedWriteAsync(Caller caller, string aNumber, string purpose, AccessLog accessLog, CancellationToken cancellationToken) =>
        accessLog.RecordAsync(Entry(caller, aNumber, purpose, "refused"), cancellationToken);

    private static async Task<(LoadedCase? Case, ProblemHttpResult? Problem)> LoadAsync(
        string aNumber, string purpose, HttpContext http, EventReader reader, AccessLog accessLog, CancellationToken cancellationToken, bool write = false, string? reasonGiven = null)
    {
        var errors = new List<string>();
        if (!QueryValues.TryANumber("aNumber", aNumber, errors, out var number))
        {
            return (null, Problems.BadRequest("Not an A-number", errors));
        }

        var digits = number.Digits;
        var notFound = Problems.NotFound($"There is no case {digits} in your caseload.");
        var rows = await reader.ReadStreamAsync(digits, cancellationToken);
        if (rows.Count == 0)
        {
            return (null, notFound);
        }

        var state = reader.Fold(rows);
        var caller = Caller.From(http.User);
        var loaded = new LoadedCase(state, rows);
        if (CaseAccess.InCaseload(caller, state))
        {
            // A write's own entry is the event it records (or, for an access code, the endpoint's).
            if (!write)
            {
                await accessLog.RecordAsync(Entry(caller, digits, purpose, "allowed"), cancellationToken);
            }

            return (loaded, null);
        }

        if (write)
        {
            await accessLog.RecordAsync(Entry(caller, digits, purpose, "refused"), cancellationToken);
            return (null, notFound);
        }

        string? reason = reasonGiven ?? http.Request.Headers[ReasonHeader];
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (CaseAccess.MayBreakGlass(caller) && reason is not null)
        {
            await accessLog.RecordAsync(Entry(caller, digits, purpose, "allowed", breakGlass: true, reason), cancellationToken);
            return (loaded, null);
        }

        await accessLog.RecordAsync(Entry(caller, digits, purpose, "refused", breakGlass: reason is not null || CaseAccess.MayBreakGlass(caller), reason), cancellationToken);
        return CaseAccess.MayBreakGlass(caller)
            ? (null, Problems.Forbidden($"Case {digits} is outside your caseload. To read it for a review or an audit, state why in the {ReasonHeader} header; the read is logged and flagged."))
            : (null, notFound);
    }

    private static AccessLogRow Entry(Caller caller, string aNumber, string purpose, string outcome, bool breakGlass = false, string? reason = null) => new()
    {
        At = "",
        UserName = caller.Name,
        Role = caller.Role,
        Office = caller.Office,
        ANumber = aNumber,
        Purpose = purpose,
        BreakGlass = breakGlass,
        Reason = reason is { Length: > 1000 } ? reason[..1000] : reason,
        Outcome = outcome,
    };

    /// <summary>Logs reads of cases found by a search or listed in a caseload (one entry per case shown).</summary>
    public static Task LogListedAsync(Caller caller, IEnumerable<string> aNumbers, string purpose, AccessLog accessLog, CancellationToken cancellationToken) =>
        accessLog.RecordAllAsync([.. aNumbers.Select(a => Entry(caller, a, purpose, "allowed"))], cancellationToken);
}
