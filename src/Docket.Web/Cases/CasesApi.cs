using Docket.Web.Auth;
using Docket.Web.Cases.AccessCodes;
using Docket.Web.Cases.Deadlines;
using Docket.Web.Cases.Opening;
using Docket.Web.Cases.Reading;
using Docket.Web.Cases.Recording;
using Docket.Web.Cases.RemovalCheck;
using Docket.Web.Cases.Search;
using Docket.Web.OpenApi;

namespace Docket.Web.Cases;

public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases");
        cases.MapGet("/", SearchCasesEndpoint.Handle)
            .RequireAuthorization(Policies.RecordEvents)
            .WithName("searchCases")
            .ProducesProblems(400)
            .WithSummary("Find a case in your caseload")
            .WithDescription("?aNumber= or ?familyName=&dateOfBirth=; only your own caseload; 25 a page (page, pageSize). No search by nationality, status or place exists.");
        cases.MapPost("/{aNumber}/access-code", ReissueAccessCodeEndpoint.Handle)
            .RequireAuthorization(Policies.OpenCases)
            .WithName("reissueAccessCode")
            .ProducesProblems(400, 404)
            .WithSummary("Issue a new self-service access code")
            .WithDescription("The old code stops working; the new one is shown once.");
        cases.MapPost("/", OpenCaseEndpoint.Handle)
            .RequireAuthorization(Policies.OpenCases)
            .WithName("openCase")
            .AcceptsJson(EventSchemas.OpenCase)
            .ProducesProblems(400, 409)
            .WithSummary("Open a case")
            .WithDescription("Writes the case's first event (CaseOpened) and returns its version and the person's self-service access code, shown once.");
        cases.MapGet("/{aNumber}", GetCaseEndpoint.Handle)
            .RequireAuthorization(Policies.CaseContent)
            .WithName("getCase")
            .ProducesProblems(400, 404)
            .WithSummary("Read a case")
            .WithDescription("Identity, status, stage, attorney, next hearing, deadlines, version (also the ETag) and events.");
        cases.MapPost("/{aNumber}/events", RecordEventEndpoint.Handle)
            .RequireAuthorization(Policies.RecordEvents)
            .WithName("recordEvent")
            .AcceptsJson(EventSchemas.Union)
            .ProducesProblems(400, 404, 409, 422, 428)
            .WithSummary("Record an event")
            .WithDescription("Appends one event {type, on, ...fields}. Send If-Match: \"VERSION\"; 409 if the case has moved on, 422 with violations when a safeguard forbids the step.");
        cases.MapGet("/{aNumber}/deadlines", DeadlinesEndpoint.Handle)
            .RequireAuthorization(Policies.CaseContent)
            .WithName("getDeadlines")
            .ProducesProblems(400, 404)
            .WithSummary("Legal deadlines")
            .WithDescription("[{kind, due, rule}], due dates already moved past weekends and federal holidays where the rule says so. Optional ?on=DATE computes them as of that date.");
        cases.MapGet("/{aNumber}/removal-check", RemovalCheckEndpoint.Handle)
            .RequireAuthorization(Policies.CaseContent)
            .WithName("checkRemoval")
            .ProducesProblems(400, 404)
            .WithSummary("May removal proceed?")
            .WithDescription("?to=ISO3&on=DATE. Follows the decision procedure of docs/rules.md and fails closed: {outcome: allowed|blocked|needs-review, allowed, violations: [{rule, message, effect}]}. Writes nothing.");
        return app;
    }
}
