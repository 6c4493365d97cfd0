using System.Text.Json;
using Docket.Domain.Calendar;
using Docket.Domain.Events;
using Docket.Domain.Rules;
using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Web.Auth;
using Docket.Web.Cases;
using Docket.Web.Infrastructure;
using Docket.Web.Language;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.SelfService;

/// <summary>
/// What the person gets back for something they recorded themselves: the version, a reference
/// (the A-number and version, which names the event exactly for an officer) and, for an address,
/// the reminder of ADDRESS-CHANGE (telling Docket is the person's own record, not a filing with the
/// court or DHS), in the language of the request.
/// </summary>
public sealed record SelfServiceReceipt(int Version, string Reference, string? Reminder = null, string? Rule = null)
{
    public static string ReferenceFor(string aNumber, int version) => $"{aNumber}-{version}";
}

/// <summary>POST /api/self-service/address <c>{address}</c>: the person records a new address of record for notices.</summary>
public static class ChangeAddressEndpoint
{
    public static async Task<Results<Created<SelfServiceReceipt>, ProblemHttpResult>> Handle(
        HttpContext http, CaseLog cases, EventReader reader, AccessLog accessLog, LegalClock today,
        IStringLocalizer<PlainText> text, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (body is not { ValueKind: JsonValueKind.Object } json)
        {
            return Problems.BadRequest("The address could not be read", [error ?? "the body must be {address}"]);
        }

        // The person gives the address; the date is today's, and the type is Docket's to set.
        var node = System.Text.Json.Nodes.JsonNode.Parse(json.GetRawText())!.AsObject();
        if (node.ContainsKey("type") || node.ContainsKey("on"))
        {
            return Problems.BadRequest("The address could not be read", ["type, on: are set by Docket"]);
        }

        node["type"] = nameof(MailingAddressChanged);
        node["on"] = EventJson.DatePattern.Format(today.Today());
        var parsed = EventJson.Parse(JsonSerializer.SerializeToElement(node));
        if (parsed.Event is not MailingAddressChanged change)
        {
            return Problems.BadRequest("The address could not be read", parsed.Errors);
        }

        var aNumber = Caller.From(http.User).SelfServiceANumber!;
        var (loaded, problem) = await CaseLoader.LoadForWriteAsync(aNumber, "address-change", http, reader, accessLog, cancellationToken);
        if (loaded is null)
        {
            return problem!;
        }

        return await cases.AppendAsync(loaded.State, loaded.State.Version, change, Caller.SelfServiceRole, cancellationToken) switch
        {
            CaseCommandResult.Appended a => TypedResults.Created("/api/self-service/case",
                new SelfServiceReceipt(a.Version, SelfServiceReceipt.ReferenceFor(aNumber, a.Version), text["Address.Reminder"], RuleIds.AddressChange)),
            CaseCommandResult.Conflict c => Problems.Conflict(c.ActualVersion),
            CaseCommandResult.Invalid i => Problems.BadRequest("The address does not fit this case", i.Problems),
            CaseCommandResult.Refused r => Problems.Refused(r.Violations),
            var other => throw new InvalidOperationException($"Unexpected result {other}"),
        };
    }
}
