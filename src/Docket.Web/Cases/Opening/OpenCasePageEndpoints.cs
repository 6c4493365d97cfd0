using System.Text.Json;
using System.Text.Json.Nodes;
using Docket.Domain.Calendar;
using Docket.Domain.Events;
using Docket.Store.Cases;
using Docket.Web.Auth;
using Docket.Web.Pages;

namespace Docket.Web.Cases.Opening;

/// <summary>GET and POST /cases/open: the page of POST /api/cases, with the same checks (strict parser, own office only).</summary>
public static class OpenCasePageEndpoints
{
    private static readonly string[] Fields = ["aNumber", "familyName", "givenNames", "dateOfBirth", "citizenship", "office"];

    public static void MapOpenCasePages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/cases/open", (HttpContext http) => PageResults.Page<OpenCasePage>(new { Caller.From(http.User).Office }))
            .RequireAuthorization(PagePolicies.OpenCases);
        pages.MapPost("/cases/open", OpenAsync).RequireAuthorization(PagePolicies.OpenCases);
    }

    private static async Task<IResult> OpenAsync(HttpContext http, CaseLog cases, LegalClock calendar, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var values = Fields.ToDictionary(f => f, f => ((string?)form[f] ?? "").Trim(), StringComparer.Ordinal);
        var today = calendar.Today();
        var body = new JsonObject { ["type"] = nameof(CaseOpened), ["on"] = EventJson.DatePattern.Format(today) };
        foreach (var (name, value) in values.Where(v => v.Value.Length > 0))
        {
            body[name] = value;
        }

        Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult Again(int status, IReadOnlyList<string> errors) =>
            PageResults.Page<OpenCasePage>(new { caller.Office, Values = (IReadOnlyDictionary<string, string>)values, Errors = errors }, status);

        var parsed = EventJson.Parse(JsonSerializer.SerializeToElement(body));
        if (parsed.Event is not CaseOpened opened)
        {
            return Again(StatusCodes.Status400BadRequest, parsed.Errors);
        }

        if (opened.DateOfBirth > today)
        {
            return Again(StatusCodes.Status400BadRequest, ["Date of birth: is in the future."]);
        }

        if (!string.Equals(opened.Office.Trim(), caller.Office, StringComparison.OrdinalIgnoreCase))
        {
            return Again(StatusCodes.Status403Forbidden, [$"Office: you may open cases only in your own office ({caller.Office})."]);
        }

        return await cases.OpenAsync(opened, caller.Name, cancellationToken) switch
        {
            CaseCommandResult.Opened o => PageResults.Page<OpenCasePage>(new { Opened = o.ANumber.Digits, o.AccessCode }, StatusCodes.Status201Created),
            CaseCommandResult.Conflict => Again(StatusCodes.Status409Conflict, ["A-number: a case with this A-number is already open."]),
            var other => throw new InvalidOperationException($"Unexpected result {other}"),
        };
    }
}
