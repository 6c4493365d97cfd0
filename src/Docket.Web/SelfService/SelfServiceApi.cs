using System.Threading.RateLimiting;
using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Web.Auth;
using Docket.Web.Cases;
using Docket.Web.Cases.Reading;
using Docket.Web.Infrastructure;
using Docket.Web.Language;
using Docket.Web.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime.Text;

namespace Docket.Web.SelfService;

/// <summary>The person's own case, as they see it: where it stands, what is due, and the next hearing.</summary>
public sealed record SelfServiceCaseView(
    string ANumber, string FamilyName, string GivenNames, string Status, CaseStage Stage,
    HearingView? NextHearing, IReadOnlyList<DeadlineView> Deadlines, FinalOrderView? FinalOrder, int Version, PlainCaseView Plain);

/// <summary>One read of the person's file: who (by role and office), when, and why.</summary>
/// <remarks>
/// <c>roleText</c>, <c>dateText</c> and <c>purposeText</c> say the same in the language of the request.
/// </remarks>
public sealed record FileReadView(
    string Role, string? Office, string Date, string Purpose, bool BreakGlass, string? ReaderName,
    string RoleText, string DateText, string PurposeText);

public static class SelfServiceApi
{
    public const string SignInLimiter = "self-service-sign-in";

    public static IServiceCollection AddDocketSelfService(this IServiceCollection services)
    {
        services.AddSingleton<SelfServiceSessions>();
        services.AddSingleton<SignInLockout>();
        services.AddScoped<SelfServiceSignIn>();
        services.AddScoped<PlainDates>();
        services.AddScoped<PlainCaseWords>();
        // The 429 itself (status, Retry-After, problem) is the shared one of JsonConventions.
        services.AddRateLimiter(limiter => limiter.AddPolicy(SignInLimiter, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }

    public static IEndpointRouteBuilder MapSelfServiceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/self-service").WithTags("Self-service");
        group.MapPost("/session", SignInEndpoint.Handle)
            .AllowAnonymous()
            .RequireRateLimiting(SignInLimiter)
            .WithName("signIn")
            .Accepts<SignInRequest>("application/json")
            .ProducesProblems(400, 401, 429)
            .WithSummary("Sign in to your own case")
            .WithDescription("{aNumber, accessCode, dateOfBirth} -> a token for that one case (30 minutes).");
        group.MapGet("/case", GetCase).RequireAuthorization(Policies.SelfService).WithName("getOwnCase").ProducesProblems(404).WithSummary("Your case: status, deadlines, next hearing")
            .WithDescription("With `plain`: the same case in plain sentences in the language asked for (Accept-Language or ?culture=, English or Spanish).");
        group.MapGet("/access", GetAccess).RequireAuthorization(Policies.SelfService).WithName("listOwnFileReads").WithSummary("Who has read your file");
        group.MapPost("/departure", ReportDeparture).RequireAuthorization(Policies.SelfService)
            .WithName("reportDeparture")
            .AcceptsJson(EventSchemas.DepartureReport)
            .ProducesProblems(400, 404, 409, 422)
            .WithSummary("Report your departure from the United States");
        group.MapPost("/address", ChangeAddressEndpoint.Handle).RequireAuthorization(Policies.SelfService)
            .WithName("changeOwnAddress")
            .AcceptsJson(EventSchemas.AddressChange)
            .ProducesProblems(400, 404, 409, 422)
            .WithSummary("Change your mailing address of record")
            .WithDescription("{address}; dated today. Answers {version, reference, reminder, rule}: the reminder of ADDRESS-CHANGE (tell the court within 5 working days and DHS within 10).");
        return app;
    }

    public static async Task<Results<Ok<SelfServiceCaseView>, ProblemHttpResult>> GetCase(
        HttpContext http, EventReader reader, AccessLog accessLog, LegalClock today, CourtCalendar calendar,
        PlainCaseWords words, PlainDates dates, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var (loaded, problem) = await CaseLoader.ReadAsync(caller.SelfServiceANumber!, "self-service", http, reader, accessLog, cancellationToken);
        if (loaded is null)
        {
            return problem!;
        }

        var view = CaseView.From(loaded.State, [], today.Today(), calendar);
        return TypedResults.Ok(new SelfServiceCaseView(view.ANumber, view.Person.FamilyName, view.Person.GivenNames, view.Status, view.Stage,
            view.NextHearing, view.Deadlines, view.FinalOrder, view.Version, PlainCaseView.From(view, loaded.State, words, dates)));
    }

    public static async Task<Ok<IReadOnlyList<FileReadView>>> GetAccess(
        HttpContext http, AccessLog accessLog, IConfiguration configuration, PlainCaseWords words, PlainDates dates, CancellationToken cancellationToken)
    {
        var aNumber = Caller.From(http.User).SelfServiceANumber!;
        var showNames = configuration.GetValue("Docket:SelfService:ShowReaderNames", false);
        // Every read, not the first page only: the newest reads are the ones the person most needs to see.
        var reads = new List<AccessLogRow>();
        for (long? after = null; ;)
        {
            var page = await accessLog.QueryAsync(new AccessLogQuery(ANumber: aNumber, Outcome: "allowed", AfterId: after, Limit: 1000), cancellationToken);
            reads.AddRange(page);
            if (page.Count < 1000)
            {
                break;
            }

            after = page[^1].Id;
        }

        IReadOnlyList<FileReadView> view = [.. reads
            .Where(r => r.Role != Caller.SelfServiceRole)
            .Select(r => new FileReadView(r.Role, r.Office, r.At[..10], r.BreakGlass ? r.Reason ?? r.Purpose : r.Purpose, r.BreakGlass, showNames ? r.UserName : null,
                words.Role(r.Role), dates.WithWeekday(LocalDatePattern.Iso.Parse(r.At[..10]).Value), words.Purpose(r.Purpose, r.BreakGlass, r.Reason)))];
        return TypedResults.Ok(view);
    }

    public static async Task<Results<Created<SelfServiceReceipt>, ProblemHttpResult>> ReportDeparture(
        HttpContext http, CaseLog cases, EventReader reader, AccessLog accessLog, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var (body, error) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (body is not { ValueKind: System.Text.Json.JsonValueKind.Object } json)
        {
            return Problems.BadRequest("The departure report could not be read", [error ?? "the body must be {destinationCountry, on, port?, mode?, evidence?}"]);
        }

        // The person reports; the source is always a self-report.
        var node = System.Text.Json.Nodes.JsonNode.Parse(json.GetRawText())!.AsObject();
        if (node.ContainsKey("type") || node.ContainsKey("source"))
        {
            return Problems.BadRequest("The departure report could not be read", ["type, source: are set by Docket"]);
        }

        node["type"] = nameof(DepartureReported);
        node["source"] = "self-report";
        var parsed = EventJson.Parse(System.Text.Json.JsonSerializer.SerializeToElement(node));
        if (parsed.Event is not DepartureReported report)
        {
            return Problems.BadRequest("The departure report could not be read", parsed.Errors);
        }

        var (loaded, problem) = await CaseLoader.LoadForWriteAsync(caller.SelfServiceANumber!, "departure-report", http, reader, accessLog, cancellationToken);
        if (loaded is null)
        {
            return problem!;
        }

        return await cases.AppendAsync(loaded.State, loaded.State.Version, report, Caller.SelfServiceRole, cancellationToken) switch
        {
            CaseCommandResult.Appended a => TypedResults.Created("/api/self-service/case", new SelfServiceReceipt(a.Version, SelfServiceReceipt.ReferenceFor(caller.SelfServiceANumber!, a.Version))),
            CaseCommandResult.Conflict c => Problems.Conflict(c.ActualVersion),
            CaseCommandResult.Invalid i => Problems.BadRequest("The departure report does not fit this case", i.Problems),
            CaseCommandResult.Refused r => Problems.Refused(r.Violations),
            var other => throw new InvalidOperationException($"Unexpected result {other}"),
        };
    }
}
