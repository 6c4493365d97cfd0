using System.Text.Json;
using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Countries;
using Docket.Domain.Removal;
using Docket.Store.Access;
using Docket.Store.Events;
using Docket.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Docket.Web.Cases.RemovalCheck;

/// <summary>One finding; <c>effect</c> says whether it blocks removal or sends it for review.</summary>
public sealed record RemovalViolationView(string Rule, string Message, string Effect);

public sealed record RemovalCheckView(string Outcome, bool Allowed, IReadOnlyList<RemovalViolationView> Violations, string To, LocalDate On, int Version);

public static class RemovalCheckEndpoint
{
    /// <summary>GET /api/cases/{aNumber}/removal-check?to=ISO3&amp;on=DATE: the decision procedure, writing nothing.</summary>
    public static async Task<Results<Ok<RemovalCheckView>, ProblemHttpResult>> Handle(
        string aNumber, string? to, string? on, HttpContext http, EventReader reader, AccessLog accessLog, LegalClock today, CourtCalendar calendar, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        if (!CountryCode.TryParse(to, out var destination))
        {
            errors.Add(to is null ? "to: is required (the ISO 3166-1 alpha-3 code of the destination)" : $"to: '{to}' is not an ISO 3166-1 alpha-3 country code");
        }

        var date = today.Today();
        if (on is not null && !QueryValues.TryDate("on", on, errors, out date))
        {
            date = today.Today();
        }

        if (errors.Count > 0)
        {
            return Problems.BadRequest("The removal check needs a destination and a date", errors);
        }

        var (loaded, problem) = await CaseLoader.ReadAsync(aNumber, "removal-check", http, reader, accessLog, cancellationToken);
        if (loaded is null)
        {
            return problem!;
        }

        return TypedResults.Ok(Run(loaded.State, destination!.Value, date, calendar, today.Today()));
    }

    /// <summary>The check on the case as it stood on <paramref name="date"/> (the staff case page runs the same).</summary>
    public static RemovalCheckView Run(CaseState state, CountryCode destination, LocalDate date, CourtCalendar calendar, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(state);
        var asOf = CaseHistory.Fold(state.Events, date);
        var result = Domain.Removal.RemovalCheck.Check(asOf, destination, date, calendar, today);
        return new RemovalCheckView(
            Wire(result.Outcome),
            result.Allowed,
            [.. result.Findings.Select(f => new RemovalViolationView(f.Rule, f.Message, f.Blocks ? "blocks" : "needs-review"))],
            destination.Code,
            date,
            state.Version);
    }

    private static string Wire(RemovalOutcome outcome) => JsonNamingPolicy.KebabCaseLower.ConvertName(outcome.ToString());
}
