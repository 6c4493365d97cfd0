using System.Text.Json;
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
        HttpContext http, SelfServiceDesk desk, IStringLocalizer<PlainText> text, CancellationToken cancellationToken)
    {
        const string Title = "The address could not be read";
        var (body, error) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (body is not { ValueKind: JsonValueKind.Object } json)
        {
            return Problems.BadRequest(Title, [error ?? "the body must be {address}"]);
        }

        var written = await desk.ChangeAddressAsync(http, System.Text.Json.Nodes.JsonNode.Parse(json.GetRawText())!.AsObject(), cancellationToken);
        return SelfServiceApi.Answer(written, Title, "The address does not fit this case", text["Address.Reminder"]);
    }
}
