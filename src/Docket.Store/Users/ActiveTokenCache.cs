using System.Collections.Concurrent;
using NodaTime;

namespace Docket.Store.Users;

/// <summary>
/// Users whose token was found active a moment ago, keyed by the token's SHA-256 (the token
/// itself is never kept). Looking the token up in the database was the largest single cost of
/// an API request; a hit skips it. The price is bounded staleness: a revocation written by
/// another process (<c>docket users revoke</c> against a running server) is seen once the entry
/// is older than <see cref="FreshFor"/>. A revocation through the same <see cref="UserStore"/>
/// evicts the entry at once, and an expiry is checked against the clock on every hit, so
/// neither waits for the bound.
/// </summary>
public sealed class ActiveTokenCache(Duration freshFor)
{
    /// <summary>Only tokens of real users are kept; this caps memory if tokens are reissued very often.</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (UserRow User, Instant CheckedAt)> entries = new(StringComparer.Ordinal);
    private readonly Lock writes = new();
    private long generation;

    /// <summary>How long a database answer is trusted: the longest a revocation from elsewhere can go unseen.</summary>
    public Duration FreshFor { get; } = freshFor;

    /// <summary>The cached user for this token hash, if it was checked less than <see cref="FreshFor"/> ago.</summary>
    public UserRow? Find(byte[] tokenHash, Instant now)
    {
        var key = Key(tokenHash);
        if (!entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (now - entry.CheckedAt < FreshFor && now >= entry.CheckedAt)
        {
            return entry.User;
        }

        entries.TryRemove(KeyValuePair.Create(key, entry));
        return null;
    }

    /// <summary>Take this before reading the database, and pass it to <see cref="Remember"/>.</summary>
    public long Stamp => Volatile.Read(ref generation);

    /// <summary>
    /// Keeps a user read from the database, unless a revocation happened since <paramref name="stamp"/>
    /// was taken: the read may have come before the revocation committed, and must not outlive it.
    /// </summary>
    public void Remember(UserRow user, Instant now, long stamp)
    {
        lock (writes)
        {
            if (generation != stamp)
            {
                return;
            }

            if (entries.Count >= MaxEntries)
            {
                entries.Clear();
            }

            entries[Key(user.TokenHash)] = (user, now);
        }
    }

    /// <summary>A token was revoked or replaced: it stops working at once in this process.</summary>
    public void Forget(byte[] tokenHash)
    {
        lock (writes)
        {
            generation++;
            entries.TryRemove(Key(tokenHash), out _);
        }
    }

    private static string Key(byte[] tokenHash) => Convert.ToBase64String(tokenHash);
}
