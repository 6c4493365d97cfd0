using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Store.Cases;
using NodaTime;

namespace Docket.Web.SelfService;

/// <summary>What a sign-in attempt came to.</summary>
public abstract record SignInOutcome
{
    private SignInOutcome()
    {
    }

    public sealed record SignedIn(string ANumber, string Token, DateTimeOffset ExpiresAt) : SignInOutcome;

    /// <summary>Any mismatch: the same outcome whichever of the three was wrong, or whether the case exists.</summary>
    public sealed record Failed : SignInOutcome;

    public sealed record Paused(Duration RetryAfter) : SignInOutcome;
}

/// <summary>
/// The person's sign-in, for the API and the pages alike. A wrong code, a wrong date of birth and an
/// unknown A-number come to the same outcome in the same time, so sign-in cannot be used to find
/// out who has a case; an A-number is paused after repeated failures (SignInLockout).
/// </summary>
public sealed class SelfServiceSignIn(CaseDirectory directory, SelfServiceSessions sessions, SignInLockout lockout, IClock clock)
{
    private static readonly byte[] DecoyHash = AccessCodes.Hash("decoy-code-never-issued");

    /// <summary>One attempt; the date of birth as the API takes it, <c>YYYY-MM-DD</c>.</summary>
    public async Task<SignInOutcome> AttemptAsync(string aNumberText, string code, string dateOfBirth, CancellationToken cancellationToken)
    {
        var key = ANumber.TryParse(aNumberText, out var parsed) ? parsed.Value.Digits : aNumberText.Trim();
        if (lockout.LockedUntil(key) is { } until)
        {
            return new SignInOutcome.Paused(until - clock.GetCurrentInstant());
        }

        var row = parsed is null ? null : await directory.FindAsync(key, cancellationToken);
        // A case with no code issued (imported or demo cases) is checked against the decoy, so it
        // takes the same time, but it never matches: the decoy's text is no access code.
        var issued = row?.AccessCodeHash is { Length: > 0 } stored ? stored : null;
        var codeMatches = AccessCodes.Matches(code, issued ?? DecoyHash) && issued is not null;
        var birthMatches = dateOfBirth.Length == 10 && EventJson.DatePattern.Parse(dateOfBirth) is { Success: true } dob
            && row is not null && row.DateOfBirth == EventJson.DatePattern.Format(dob.Value);
        if (row is null || !codeMatches || !birthMatches)
        {
            lockout.RecordFailure(key);
            return new SignInOutcome.Failed();
        }

        lockout.RecordSuccess(key);
        var (token, expires) = sessions.Issue(row.ANumber);
        return new SignInOutcome.SignedIn(row.ANumber, token, expires);
    }
}
