using Docket.Domain.Cases;
using Docket.Store.Events;
using Docket.Web.Auth;
using Docket.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Cases;

/// <summary>A case as read for one caller: its stored rows and the state they fold to.</summary>
public sealed record LoadedCase(CaseState State, IReadOnlyList<EventRow> Rows);

/// <summary>
/// The one way an endpoint reads a case: parse the A-number, load, fold, and check that the
/// case is in the caller's caseload. An unknown case and a case outside the caseload get the
/// same 404, so nobody can probe which A-numbers exist.
/// </summary>
public static class CaseLoader
{
    public static async Task<(LoadedCase? Case, ProblemHttpResult? Problem)> LoadAsync(
        string aNumber, HttpContext http, EventReader reader, CancellationToken cancellationToken)
    {
        if (!ANumber.TryParse(aNumber, out var number))
        {
            return (null, Problems.BadRequest("Not an A-number", [$"aNumber: '{aNumber}' must be 9 digits ('A' prefix, spaces and dashes allowed)"]));
        }

        var rows = await reader.ReadStreamAsync(number.Value.Digits, cancellationToken);
        var state = rows.Count == 0 ? null : CaseHistory.Fold(EventReader.ToDomain(rows));
        if (state is null || !CaseAccess.InCaseload(Caller.From(http.User), state))
        {
            return (null, Problems.NotFound($"There is no case {number.Value.Digits} in your caseload."));
        }

        return (new LoadedCase(state, rows), null);
    }
}
