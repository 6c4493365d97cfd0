using System.Threading.RateLimiting;
using Docket.Domain.Cases;
using Docket.Domain.Rules;
using Docket.Store.Cases;
using Docket.Web.Auth;
using Docket.Web.Cases.Reading;
using Docket.Web.Infrastructure;
using Docket.Web.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

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

    /// <summary>The pages' sign-in form: the same limit, counted apart from the API's.</summary>
    public const string SignInPageLimiter = "self-service-sign-in-page";

    public static IServiceCollection AddDocketSelfService(this IServiceCollection services)
    {
        services.AddSingleton<SelfServiceSessions>();
        services.AddSingleton<SignInLockout>();
        services.AddScoped<SelfServiceSignIn>();
        services.AddScoped<SelfServiceDesk>();
        // The 429 itself (status, Retry-After, problem) is the shared one of JsonConventions.
        foreach (var policy in new[] { SignInLimiter, SignInPageLimiter })
        {
            services.AddRateLimiter(limiter => limiter.AddPolicy(policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        }
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

    public static async Task<Results<Ok<SelfServiceCaseView>, ProblemHttpResult>> GetCase(HttpContext http, SelfServiceDesk desk, CancellationToken cancellationToken)
    {
        var (view, problem) = await desk.ReadCaseAsync(http, cancellationToken);
        return view is null ? problem! : TypedResults.Ok(view);
    }

    public static async Task<Ok<IReadOnlyList<FileReadView>>> GetAccess(HttpContext http, SelfServiceDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(await desk.ReadsAsync(Caller.From(http.User).SelfServiceANumber!, cancellationToken));

    public static async Task<Results<Created<SelfServiceReceipt>, ProblemHttpResult>> ReportDeparture(
        HttpContext http, SelfServiceDesk desk, CancellationToken cancellationToken)
    {
        const string Title = "The departure report could not be read";
        var (body, error) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (body is not { ValueKind: System.Text.Json.JsonValueKind.Object } json)
        {
            return Problems.BadRequest(Title, [error ?? "the body must be {destinationCountry, on, port?, mode?, evidence?}"]);
        }

        var written = await desk.ReportDepartureAsync(http, System.Text.Json.Nodes.JsonNode.Parse(json.GetRawText())!.AsObject(), cancellationToken);
        return Answer(written, Title, "The departure report does not fit this case", reminder: null);
    }

    /// <summary>The API's answer to a self-service write: 201 with the receipt, or the problem.</summary>
    public static Results<Created<SelfServiceReceipt>, ProblemHttpResult> Answer(SelfServiceWrite written, string unreadable, string invalid, string? reminder) => written switch
    {
        SelfServiceWrite.Recorded r => TypedResults.Created("/api/self-service/case",
            new SelfServiceReceipt(r.Version, r.Reference, reminder, reminder is null ? null : RuleIds.AddressChange)),
        SelfServiceWrite.NotParsed n => Problems.BadRequest(unreadable, n.Errors),
        SelfServiceWrite.NotLoaded l => l.Problem,
        SelfServiceWrite.Declined { Result: CaseCommandResult.Conflict c } => Problems.Conflict(c.ActualVersion),
        SelfServiceWrite.Declined { Result: CaseCommandResult.Invalid i } => Problems.BadRequest(invalid, i.Problems),
        SelfServiceWrite.Declined { Result: CaseCommandResult.Refused r } => Problems.Refused(r.Violations),
        var other => throw new InvalidOperationException($"Unexpected result {other}"),
    };
}
