using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Docket.Web.SelfService;

/// <summary>
/// Session tokens for the person's self-service: the A-number of their one case, sealed and
/// time-limited by ASP.NET Core Data Protection. Nothing is stored; a restart ends sessions.
/// </summary>
public sealed class SelfServiceSessions(IDataProtectionProvider provider)
{
    public const string Prefix = "dks_";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ITimeLimitedDataProtector protector = provider.CreateProtector("Docket.SelfService.Session").ToTimeLimitedDataProtector();

    public static bool IsSessionToken(string token) => token.StartsWith(Prefix, StringComparison.Ordinal);

    public (string Token, DateTimeOffset Expires) Issue(string aNumber)
    {
        var expires = DateTimeOffset.UtcNow.Add(Lifetime);
        return (Prefix + protector.Protect(aNumber, expires), expires);
    }

    /// <summary>The A-number the token is for, or null if it is forged or expired.</summary>
    public string? Validate(string token)
    {
        try
        {
            return protector.Unprotect(token[Prefix.Length..], out _);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
