using System.Security.Cryptography;
using System.Text;
using Docket.Store.Users;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Docket.Store.Staff;

/// <summary>A set-up link that is still good: whose it is and the authenticator secret to enrol.</summary>
public sealed record SetupInvitation(string UserName, byte[] TotpSecret);

/// <summary>What sign-in needs of a user: their credential and their (active) user row.</summary>
public sealed record StaffAccount(StaffCredentialRow Credential, UserRow User);

/// <summary>
/// The staff pages' credentials (<c>staff_credentials</c>). The web host does the hashing and
/// the code checks with well-kept libraries; this class only stores, and makes the two steps that
/// must happen once exactly atomic: a set-up link is used by one conditional update, and a TOTP
/// step is accepted by one conditional update, so two servers over one database can never both
/// accept the same link or the same code.
/// </summary>
public sealed class StaffCredentials(DocketDatabase database, IClock clock)
{
    /// <summary>The RFC 4226 recommended secret length: 160 bits.</summary>
    public const int SecretBytes = 20;

    /// <summary>
    /// Issues a one-time set-up link token for an active user, with a fresh authenticator secret.
    /// A new link replaces any earlier one, and the user's old password and secret stop working.
    /// </summary>
    public async Task<string> IssueSetupAsync(string userName, Duration validFor, CancellationToken cancellationToken = default)
    {
        var token = "dks_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetCurrentInstant();
        await using var context = database.CreateContext();
        if (!await context.Users.AnyAsync(u => u.Name == userName && u.RevokedAt == null, cancellationToken))
        {
            throw new InvalidOperationException($"There is no active user named '{userName}'.");
        }

        var row = await context.StaffCredentials.SingleOrDefaultAsync(c => c.UserName == userName, cancellationToken);
        if (row is null)
        {
            row = new StaffCredentialRow { UserName = userName, TotpSecret = [] };
            context.StaffCredentials.Add(row);
        }

        row.PasswordHash = null;
        row.TotpSecret = RandomNumberGenerator.GetBytes(SecretBytes);
        row.LastTotpStep = 0;
        row.FailedAttempts = 0;
        row.LockedUntil = null;
        row.SetupTokenHash = Hash(token);
        row.SetupExpiresAt = (now + validFor).ToDateTimeUtc();
        row.UpdatedAt = now.ToDateTimeUtc();
        await context.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>The invitation behind a set-up token, if it is known, unused and not expired.</summary>
    public async Task<SetupInvitation?> FindSetupAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = Hash(token);
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        await using var context = database.CreateContext();
        var row = await context.StaffCredentials.AsNoTracking()
            .SingleOrDefaultAsync(c => c.SetupTokenHash == hash && c.SetupExpiresAt > now, cancellationToken);
        return row is null ? null : new SetupInvitation(row.UserName, row.TotpSecret);
    }

    /// <summary>
    /// Uses a set-up token: sets the password and the first accepted TOTP step, and spends the
    /// token. False when it was already used (here or by another server) or has expired.
    /// </summary>
    public async Task<bool> CompleteSetupAsync(string token, string passwordHash, long totpStep, CancellationToken cancellationToken = default)
    {
        var hash = Hash(token);
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        await using var context = database.CreateContext();
        return await context.StaffCredentials
            .Where(c => c.SetupTokenHash == hash && c.SetupExpiresAt > now)
            .ExecuteUpdateAsync(
                set => set.SetProperty(c => c.PasswordHash, passwordHash)
                    .SetProperty(c => c.LastTotpStep, totpStep)
                    .SetProperty(c => c.SetupTokenHash, (byte[]?)null)
                    .SetProperty(c => c.SetupExpiresAt, (DateTime?)null)
                    .SetProperty(c => c.FailedAttempts, 0)
                    .SetProperty(c => c.UpdatedAt, now),
                cancellationToken) == 1;
    }

    /// <summary>Sets a password and secret directly: only for <c>docket serve --demo</c>'s demo user.</summary>
    public async Task SetDirectlyAsync(string userName, string passwordHash, byte[] totpSecret, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.StaffCredentials.SingleOrDefaultAsync(c => c.UserName == userName, cancellationToken);
        if (row is null)
        {
            row = new StaffCredentialRow { UserName = userName, TotpSecret = totpSecret };
            context.StaffCredentials.Add(row);
        }

        row.PasswordHash = passwordHash;
        row.TotpSecret = totpSecret;
        row.LastTotpStep = 0;
        row.FailedAttempts = 0;
        row.LockedUntil = null;
        row.SetupTokenHash = null;
        row.SetupExpiresAt = null;
        row.UpdatedAt = clock.GetCurrentInstant().ToDateTimeUtc();
        await context.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The account of an active user who has finished set-up, or null.</summary>
    public async Task<StaffAccount?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        await using var context = database.CreateContext();
        var credential = await context.StaffCredentials.AsNoTracking()
            .SingleOrDefaultAsync(c => c.UserName == userName && c.PasswordHash != null, cancellationToken);
        if (credential is null)
        {
            return null;
        }

        var user = await context.Users.AsNoTracking()
            .SingleOrDefaultAsync(u => u.Name == userName && u.RevokedAt == null && (u.ExpiresAt == null || u.ExpiresAt > now), cancellationToken);
        return user is null ? null : new StaffAccount(credential, user);
    }

    /// <summary>Counts a failed attempt; the <paramref name="limit"/>-th in a row locks the account for <paramref name="lockFor"/>.</summary>
    public async Task RecordFailureAsync(string userName, int limit, Duration lockFor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        await using var context = database.CreateContext();
        var row = await context.StaffCredentials.SingleOrDefaultAsync(c => c.UserName == userName, cancellationToken);
        if (row is null)
        {
            return;
        }

        row.FailedAttempts++;
        if (row.FailedAttempts >= limit)
        {
            row.LockedUntil = (now + lockFor).ToDateTimeUtc();
            row.FailedAttempts = 0;
        }

        row.UpdatedAt = now.ToDateTimeUtc();
        await context.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Accepts a code of <paramref name="totpStep"/>: true only when no code of this step or a
    /// later one was accepted before (one conditional update, so a replay loses the race).
    /// </summary>
    public async Task<bool> AcceptAsync(string userName, long totpStep, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        await using var context = database.CreateContext();
        return await context.StaffCredentials
            .Where(c => c.UserName == userName && c.LastTotpStep < totpStep)
            .ExecuteUpdateAsync(
                set => set.SetProperty(c => c.LastTotpStep, totpStep)
                    .SetProperty(c => c.FailedAttempts, 0)
                    .SetProperty(c => c.LockedUntil, (DateTime?)null)
                    .SetProperty(c => c.UpdatedAt, now),
                cancellationToken) == 1;
    }

    /// <summary>Whether the user may still use the staff pages (not revoked, not expired, set up).</summary>
    public async Task<bool> IsActiveAsync(string userName, CancellationToken cancellationToken = default)
    {
        // Asked on every request of a signed-in page (a revoked user is out at their next click):
        // one compiled query rather than FindAsync's two.
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        await using var context = database.CreateContext();
        return await PerModel<ActiveQuery>.For(context).IsActive(context, userName, now, cancellationToken);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>The same conditions as <see cref="FindAsync"/>, as one compiled query.</summary>
    private sealed class ActiveQuery
    {
        public Func<DocketDbContext, string, DateTime, CancellationToken, Task<bool>> IsActive { get; } = EF.CompileAsyncQuery(
            (DocketDbContext context, string userName, DateTime now, CancellationToken _) => context.StaffCredentials
                .Any(c => c.UserName == userName && c.PasswordHash != null
                    && context.Users.Any(u => u.Name == userName && u.RevokedAt == null && (u.ExpiresAt == null || u.ExpiresAt > now))));
    }
}
