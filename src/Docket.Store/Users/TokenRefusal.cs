namespace Docket.Store.Users;

/// <summary>Why an API token was not accepted.</summary>
public enum TokenRefusal
{
    /// <summary>No user of this database holds it: mistyped, replaced by a newer token, or from another Docket database.</summary>
    Unknown,

    /// <summary>Its user was revoked (<c>docket users revoke</c>).</summary>
    Revoked,

    /// <summary>It was issued for a limited time, and that time is over.</summary>
    Expired,
}
