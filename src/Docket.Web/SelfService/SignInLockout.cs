using System.Collections.Concurrent;
using NodaTime;

namespace Docket.Web.SelfService;

/// <summary>
/// Locks self-service sign-in for an A-number after repeated failures, so an access code
/// cannot be guessed. Failures count per A-number as typed, whether or not a case exists,
/// so the lockout itself reveals nothing.
/// </summary>
public sealed class SignInLockout(IClock clock)
{
    public const int MaxFailures = 5;
    public static readonly Duration Window = Duration.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Attempts> attempts = new(StringComparer.Ordinal);

    /// <summary>When the lock on this key ends, if it is locked now.</summary>
    public Instant? LockedUntil(string key) =>
        attempts.TryGetValue(key, out var a) && a.LockedUntil is { } until && until > clock.GetCurrentInstant() ? until : null;

    public void RecordFailure(string key)
    {
        var now = clock.GetCurrentInstant();
        if (attempts.Count > 10_000)
        {
            // Anyone can type A-numbers: forget attempts whose window and lock are over.
            foreach (var (stale, a) in attempts)
            {
                if (now - a.FirstFailure > Window && (a.LockedUntil is null || a.LockedUntil <= now))
                {
                    attempts.TryRemove(stale, out _);
                }
            }
        }

        attempts.AddOrUpdate(key, _ => new Attempts(1, now, null), (_, a) =>
        {
            var fresh = now - a.FirstFailure > Window ? new Attempts(0, now, null) : a;
            var failures = fresh.Failures + 1;
            return fresh with { Failures = failures, LockedUntil = failures >= MaxFailures ? now + Window : fresh.LockedUntil };
        });
    }

    public void RecordSuccess(string key) => attempts.TryRemove(key, out _);

    private sealed record Attempts(int Failures, Instant FirstFailure, Instant? LockedUntil);
}
