using Docket.Store.Cases;

namespace Docket.Web.Cases.Search;

/// <summary>A case found by identity: enough to pick the right one, nothing more.</summary>
public sealed record CaseSummaryView(string ANumber, string FamilyName, string GivenNames, string DateOfBirth, string Office, string Stage, string? NextHearingOn)
{
    public static CaseSummaryView From(CaseRow row) =>
        new(row.ANumber, row.FamilyName, row.GivenNames, row.DateOfBirth, row.Office, row.Stage, row.NextHearingOn);
}

public sealed record CasePage(IReadOnlyList<CaseSummaryView> Cases, int Page, int PageSize, bool MayHaveMore);

public static class CaseloadScope
{
    public static Store.Cases.Caseload Of(Auth.Caller caller) => caller.Role switch
    {
        Store.Users.UserRoles.Officer or Store.Users.UserRoles.Supervisor => new Store.Cases.Caseload(caller.Office, null),
        Store.Users.UserRoles.Attorney => new Store.Cases.Caseload(null, caller.BarNumber),
        _ => Store.Cases.Caseload.None,
    };
}
