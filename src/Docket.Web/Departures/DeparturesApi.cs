using Docket.Domain.Events;
using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Web.Auth;
using Docket.Web.Cases;
using Docket.Web.Cases.Search;
using Docket.Web.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Departures;

/// <summary>A departure report waiting for an officer: verify it (or reject it) with POST /api/cases/{aNumber}/events.</summary>
public sealed record PendingDepartureView(string ANumber, int Version, string On, string DestinationCountry, string Source, string? Mode, string? Evidence);

/// <summary>The verification queue: reported departures in the caller's own caseload, oldest first.</summary>
public static class DeparturesApi
{
    public static IEndpointRouteBuilder MapDeparturesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/departures/pending", Pending)
            .RequireAuthorization(Policies.OpenCases)
            .WithName("listPendingDepartures")
            .ProducesProblems(400)
            .WithTags("Caseload")
            .WithSummary("Departures awaiting verification in my caseload")
            .WithDescription("Oldest departure first, 25 a page. Verify with POST /api/departures/{aNumber}/verification, or record DepartureRejected (with a reason) through POST /api/cases/{aNumber}/events.");
        app.MapPost("/api/departures/{aNumber}/verification", VerifyDepartureEndpoint.Handle)
            .RequireAuthorization(Policies.OpenCases)
            .WithName("verifyDeparture")
            .AcceptsJson(EventSchemas.DepartureVerification)
            .ProducesProblems(400, 404, 409, 422, 428)
            .WithTags("Caseload")
            .WithSummary("Verify a reported departure, and close the case with it")
            .WithDescription("Body {on, closeCase}; If-Match: \"VERSION\". Records DepartureVerified and, with closeCase true, CaseClosed (reason departed), in one transaction.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<PendingDepartureView>>> Pending(
        int? page, HttpContext http, CaseDirectory directory, AccessLog accessLog, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var rows = await directory.PendingDeparturesAsync(CaseloadScope.Of(caller), page ?? 1, CaseDirectory.MaxPageSize, cancellationToken);
        await CaseLoader.LogListedAsync(caller, rows.Select(r => r.ANumber), "departure-queue", accessLog, cancellationToken);
        IReadOnlyList<PendingDepartureView> views = [.. rows.Select(View)];
        return TypedResults.Ok(views);
    }

    internal static PendingDepartureView View(Docket.Store.Events.EventRow row)
    {
        var report = (DepartureReported)EventJson.ParsePayload(row.Type, EventJson.DatePattern.Parse(row.EffectiveOn).Value, row.Payload).Event!;
        return new PendingDepartureView(row.ANumber, row.Version, row.EffectiveOn, report.DestinationCountry.Code, Wire(report.Source), Wire(report.Mode), Wire(report.Evidence));
    }

    private static string? Wire<T>(T? value) where T : struct, Enum =>
        value is { } v ? System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()) : null;

    private static string Wire<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
