using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Docket.Store.Users;

public sealed record IssuedToken(UserRow User, string Token);

/// <summary>A user to add: attorneys also give their bar number, officers and supervisors an office.</summary>
public sealed record NewUser(string Name, string Role, string? Office)
{
    public string? BarNumber { get; init; }

    public Duration? ValidFor { get; init; }
}

/// <summary>
/// API users and their bearer tokens. A token is 256 random bits shown once; only its SHA-256
/// is stored (a slow hash adds nothing for a secret of that strength). With a
/// <see cref="ActiveTokenCache"/> (the web host's), token look-ups are answered from memory for
/// a few seconds and this store's revocations evict at once.
/// </summary>
public sealed class UserStore(DocketDatabase database, IClock clock, ActiveTokenCache? cache = null)
{
    public Task<IssuedToken> AddAsync(string name, string role, string? office, Duration? validFor = null, CancellationToken cancellationToken = default) =>
        AddAsync(new NewUser(name, role, office) { ValidFor = validFor }, cancellationToken);

    public async Task<IssuedToken> AddAsync(NewUser newUser, CancellationToken cancellationToken = default)
    {
        var (name, role, office) = newUser;
        if (role == UserRoles.Attorney && string.IsNullOrWhiteSpace(newUser.BarNumber))
        {
            throw new ArgumentException("An attorney is known by their bar number: give --bar-number.", nameof(newUser));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A user needs a name.", nameof(newUser));
        }

        if (!UserRoles.All.Contains(role))
        {
            throw new ArgumentException($"'{role}' is not a role: use one of {string.Join(", ", UserRoles.All)}.", nameof(newUser));
        }

        if (UserRoles.NeedsOffice(role) && string.IsNullOrWhiteSpace(office))
        {
            throw new ArgumentException($"A {role} belongs to an office: give --office CODE.", nameof(newUser));
        }

        var token = NewToken();
        var now = clock.GetCurrentInstant();
        var user = new UserRow
        {
            Name = name.Trim(),
            Role = role,
            Office = string.IsNullOrWhiteSpace(office) ? null : office.Trim().ToUpperInvariant(),
            TokenHash = HashToken(token),
            CreatedAt = now.ToDateTimeUtc(),
            ExpiresAt = newUser.ValidFor is { } d ? (now + d).ToDateTimeUtc() : null,
            BarNumber = string.IsNullOrWhiteSpace(newUser.BarNumber) ? null : newUser.BarNumber.Trim(),
        };

        await using var context = database.CreateContext();
        if (await context.Users.AnyAsync(u => u.Name == user.Name, cancellationToken))
        {
            throw new InvalidOperationException($"There is already a user named '{user.Name}'.");
        }

        context.Users.Add(user);
        await context.SaveChangesAsync(cancellationToken);
        return new IssuedToken(user, token);
    }

    /// <summary>
    /// Gives an existing user a new token (the old one stops working), or adds them. Used by
    /// <c>docket serve --demo</c>, which must print a working token on every start.
    /// </summary>
    public async Task<IssuedToken> ReissueAsync(string name, string role, string? office, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var user = await context.Users.SingleOrDefaultAsync(u => u.Name == name, cancellationToken);
        if (user is null)
        {
            return await AddAsync(name, role, office, null, cancellationToken);
        }

        var token = NewToken();
        var oldHash = user.TokenHash;
        user.TokenHash = HashToken(token);
        user.RevokedAt = null;
        await context.SaveChangesAsync(cancellationToken);
        cache?.Forget(oldHash);
        return new IssuedToken(user, token);
    }

    /// <summary>Revokes a user's token; returns false when no such active user exists.</summary>
    public async Task<bool> RevokeAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var user = await context.Users.SingleOrDefaultAsync(u => u.Name == name && u.RevokedAt == null, cancellationToken);
        if (user is null)
        {
            return false;
        }

        user.RevokedAt = clock.GetCurrentInstant().ToDateTimeUtc();
        await context.SaveChangesAsync(cancellationToken);
        cache?.Forget(user.TokenHash);
        return true;
    }

    /// <summary>
    /// The active (not revoked, not expired) user holding this token, if any. With a cache, an
    /// answer may be up to <see cref="ActiveTokenCache.FreshFor"/> old as to revocation by another
    /// process; expiry is always checked against now. Unknown tokens are never cached, so a new
    /// user works at once. The row returned may be shared: read it, do not change it.
    /// </summary>
    public async Task<UserRow?> FindByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = HashToken(token);
        var now = clock.GetCurrentInstant();
        var user = cache?.Find(hash, now);
        if (user is null)
        {
            var stamp = cache?.Stamp ?? 0;
            await using var context = database.CreateContext();
            user = await context.Users.AsNoTracking().SingleOrDefaultAsync(u => u.TokenHash == hash, cancellationToken);
            if (user is null || user.RevokedAt is not null)
            {
                return null;
            }

            cache?.Remember(user, now, stamp);
        }

        return user.ExpiresAt is null || user.ExpiresAt > now.ToDateTimeUtc() ? user : null;
    }

    /// <summary>
    /// Why a token that <see cref="FindByTokenAsync"/> did not accept was refused, so the caller
    /// can be told what to do. Asked only after a refusal; it tells the holder of a token no more
    /// than that their own token once belonged to a user.
    /// </summary>
    public async Task<TokenRefusal> WhyRefusedAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = HashToken(token);
        await using var context = database.CreateContext();
        var user = await context.Users.AsNoTracking().SingleOrDefaultAsync(u => u.TokenHash == hash, cancellationToken);
        return user switch
        {
            { RevokedAt: not null } => TokenRefusal.Revoked,
            { ExpiresAt: { } expires } when expires <= clock.GetCurrentInstant().ToDateTimeUtc() => TokenRefusal.Expired,
            _ => TokenRefusal.Unknown,
        };
    }

    private static string NewToken() => "dkt_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] HashToken(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
