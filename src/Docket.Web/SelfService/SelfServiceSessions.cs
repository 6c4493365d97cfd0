using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using NodaTime;

namespace Docket.Web.SelfService;

/// <summary>
/// Session tokens for the person's self-service: the A-number of their one case and the instant
/// the session ends, sealed by ASP.NET Core Data Protection. Nothing is stored; a restart ends
/// sessions. The end is checked against the injected clock (not the machine's), so "now" is the
/// same here as everywhere else in Docket.
/// </summary>
public sealed class SelfServiceSessions(IDataProtectionProvider provider, IClock clock)
{
    public const string Prefix = "dks_";
    public static readonly Duration Lifetime = Duration.FromMinutes(30);

    // A purpose of its own: tokens sealed by the earlier time-limited form are not read as these.
    private readonly IDataProtector protector = provider.CreateProtector("Docket.SelfService.Session.v2");

    public static bool IsSessionToken(string token) => token.StartsWith(Prefix, StringComparison.Ordinal);

    public (string Token, DateTimeOffset Expires) Issue(string aNumber)
    {
        var expires = clock.GetCurrentInstant() + Lifetime;
        var sealedText = protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{expires.ToUnixTimeMilliseconds()}|{aNumber}"));
        return (Prefix + sealedText, expires.ToDateTimeOffset());
    }

    /// <summary>The A-number the token is for, or why it is not accepted.</summary>
    public SessionCheck Check(string token)
    {
        string text;
        try
        {
            text = protector.Unprotect(token[Prefix.Length..]);
        }
        catch (CryptographicException)
        {
            return new SessionCheck(null, Expired: false);
        }

        var parts = text.Split('|', 2);
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return new SessionCheck(null, Expired: false);
        }

        return clock.GetCurrentInstant() < Instant.FromUnixTimeMilliseconds(milliseconds)
            ? new SessionCheck(parts[1], Expired: false)
            : new SessionCheck(null, Expired: true);
    }
}

/// <summary>A session token read: the case it is for, or (when null) whether it was genuine but over.</summary>
public sealed record SessionCheck(string? ANumber, bool Expired);
