namespace Docket.Store.Cases;

/// <summary>
/// The case summary projection: identity, office and where the case stands, updated in the
/// same transaction as the events it summarises. Searches and caseloads read it.
/// </summary>
public sealed class CaseRow
{
    public required string ANumber { get; set; }

    public required string FamilyName { get; set; }

    public required string GivenNames { get; set; }

    public required string DateOfBirth { get; set; }

    public required string Citizenship { get; set; }

    public required string Office { get; set; }

    public required string Stage { get; set; }

    public int Version { get; set; }

    /// <summary>The bar number of the attorney of record, if any: an attorney's caseload.</summary>
    public string? AttorneyBarNumber { get; set; }

    /// <summary>The hearing currently set (YYYY-MM-DD), for the caseload calendar.</summary>
    public string? NextHearingOn { get; set; }

    /// <summary>PBKDF2 hash of the self-service access code (salt then hash).</summary>
    public required byte[] AccessCodeHash { get; set; }
}
