namespace Docket.Store.Staff;

/// <summary>
/// How a user signs in to the staff pages: a password hash (made by ASP.NET Core Identity's
/// hasher in the web host; the Store only keeps the text), the TOTP secret of their
/// authenticator, the last time step a code was accepted for (so a code is used once), failed
/// attempts and a lockout, and a pending one-time set-up link (its SHA-256 only).
/// </summary>
public sealed class StaffCredentialRow
{
    /// <summary>The user's name in <c>users</c>.</summary>
    public required string UserName { get; set; }

    /// <summary>Null until the person has chosen a password through the set-up link.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>The shared secret of RFC 6238; it must be readable to check a code, so it is not hashed.</summary>
    public required byte[] TotpSecret { get; set; }

    /// <summary>The 30-second step of the last accepted code; a code of this step or earlier is refused.</summary>
    public long LastTotpStep { get; set; }

    public int FailedAttempts { get; set; }

    public DateTime? LockedUntil { get; set; }

    /// <summary>SHA-256 of the one-time set-up token; null once used.</summary>
    public byte[]? SetupTokenHash { get; set; }

    public DateTime? SetupExpiresAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
