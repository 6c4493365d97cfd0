using System.Security.Claims;
using Docket.Store.Staff;
using Docket.Store.Users;
using Docket.Web.Auth;
using Docket.Web.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace Docket.Web.SignIn;

/// <summary>What a sign-in attempt came to.</summary>
public abstract record SignInOutcome
{
    public sealed record SignedIn(UserRow User) : SignInOutcome;

    /// <summary>The user name, password or code is wrong (which one is not said).</summary>
    public sealed record Refused : SignInOutcome;

    /// <summary>Too many failures in a row: no attempt is checked until <see cref="Until"/>.</summary>
    public sealed record LockedOut(Instant Until) : SignInOutcome;

    /// <summary>The code was right but already used in its 30-second step.</summary>
    public sealed record CodeAlreadyUsed : SignInOutcome;
}

/// <summary>
/// Staff sign-in: password (ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>, PBKDF2
/// with a per-password salt) and a TOTP code. Five failures in a row lock the account for 15
/// minutes, counted in the database so that every server over it sees them.
/// </summary>
public sealed class StaffSignIn(StaffCredentials credentials, IClock clock)
{
    public const int FailuresBeforeLockout = 5;

    public static readonly Duration LockoutFor = Duration.FromMinutes(15);

    private static readonly PasswordHasher<string> Hasher = new();

    public static string HashPassword(string userName, string password) => Hasher.HashPassword(userName, password);

    public async Task<SignInOutcome> CheckAsync(string? userName, string? password, string? code, CancellationToken cancellationToken)
    {
        var name = (userName ?? "").Trim();
        if (name.Length == 0 || string.IsNullOrEmpty(password))
        {
            return new SignInOutcome.Refused();
        }

        var account = await credentials.FindAsync(name, cancellationToken);
        if (account is null)
        {
            // The same work as for a real user, so the time taken does not say which names exist.
            Hasher.VerifyHashedPassword(name, DummyHash.Value, password);
            return new SignInOutcome.Refused();
        }

        var now = clock.GetCurrentInstant();
        if (account.Credential.LockedUntil is { } locked && Instant.FromDateTimeUtc(DateTime.SpecifyKind(locked, DateTimeKind.Utc)) is var until && until > now)
        {
            return new SignInOutcome.LockedOut(until);
        }

        var passwordOk = Hasher.VerifyHashedPassword(name, account.Credential.PasswordHash!, password) != PasswordVerificationResult.Failed;
        var step = TotpCodes.Match(account.Credential.TotpSecret, code, now);
        if (!passwordOk || step is null)
        {
            await credentials.RecordFailureAsync(name, FailuresBeforeLockout, LockoutFor, cancellationToken);
            return new SignInOutcome.Refused();
        }

        if (!await credentials.AcceptAsync(name, step.Value, cancellationToken))
        {
            await credentials.RecordFailureAsync(name, FailuresBeforeLockout, LockoutFor, cancellationToken);
            return new SignInOutcome.CodeAlreadyUsed();
        }

        return new SignInOutcome.SignedIn(account.User);
    }

    /// <summary>Issues the session cookie with the same claims a bearer token gives.</summary>
    public static Task SignInAsync(HttpContext http, UserRow user)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role) };
        if (user.Office is not null)
        {
            claims.Add(new Claim(Caller.OfficeClaim, user.Office));
        }

        if (user.BarNumber is not null)
        {
            claims.Add(new Claim(Caller.BarNumberClaim, user.BarNumber));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, StaffCookie.Scheme));
        return http.SignInAsync(StaffCookie.Scheme, principal, new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
    }

    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword("", "not a password anyone has"));
}
