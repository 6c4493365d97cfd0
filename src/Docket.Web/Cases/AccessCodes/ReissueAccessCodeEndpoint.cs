using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Cases.AccessCodes;

public sealed record AccessCodeResponse(string ANumber, string AccessCode);

public static class ReissueAccessCodeEndpoint
{
    /// <summary>What the access log records for a reissue, allowed or refused.</summary>
    public const string Purpose = "access-code-reissued";

    /// <summary>POST /api/cases/{aNumber}/access-code: a new self-service code, shown once; the old one stops working.</summary>
    public static async Task<Results<Created<AccessCodeResponse>, ProblemHttpResult>> Handle(
        string aNumber, HttpContext http, EventReader reader, CaseDirectory directory, AccessLog accessLog, CancellationToken cancellationToken)
    {
        var (loaded, problem) = await CaseLoader.LoadForWriteAsync(aNumber, Purpose, http, reader, accessLog, cancellationToken);
        if (loaded is null)
        {
            return problem!;
        }

        var digits = loaded.State.Identity!.ANumber.Digits;
        var code = Store.Cases.AccessCodes.Generate();
        await directory.SetAccessCodeHashAsync(digits, Store.Cases.AccessCodes.Hash(code), cancellationToken);
        await CaseLoader.LogListedAsync(Caller.From(http.User), [digits], Purpose, accessLog, cancellationToken);
        return TypedResults.Created($"/api/cases/{digits}", new AccessCodeResponse(digits, code));
    }
}
