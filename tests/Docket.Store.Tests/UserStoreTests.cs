using System.Security.Cryptography;
using System.Text;
using Docket.Store.Tests.Infrastructure;
using Docket.Store.Users;
using NodaTime;

namespace Docket.Store.Tests;

/// <summary>API users: a token is shown once and only its SHA-256 is kept.</summary>
public abstract class UserStoreTests(StoreKind kind) : StoreTestBase(kind)
{
    private UserStore Users => new(Db, Clock);

    [Fact]
    public async Task Adding_a_user_returns_a_token_once_and_stores_only_its_SHA_256()
    {
        var issued = await Users.AddAsync("Wren Hollowell", UserRoles.Officer, "nyc");

        Assert.StartsWith("dkt_", issued.Token, StringComparison.Ordinal);
        Assert.True(issued.Token.Length >= 40, "a token carries 256 random bits");
        Assert.Equal("NYC", issued.User.Office);

        await using var connection = await Db.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM users";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var tokenBytes = Encoding.UTF8.GetBytes(issued.Token);
        byte[]? storedHash = null;
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            switch (value)
            {
                case string text:
                    Assert.DoesNotContain(issued.Token, text, StringComparison.Ordinal);
                    Assert.DoesNotContain(issued.Token["dkt_".Length..], text, StringComparison.Ordinal);
                    break;
                case byte[] bytes:
                    Assert.True(bytes.AsSpan().IndexOf(tokenBytes) < 0, $"column {reader.GetName(i)} holds the token");
                    if (reader.GetName(i) == "token_hash")
                    {
                        storedHash = bytes;
                    }

                    break;
                default:
                    Assert.DoesNotContain(issued.Token, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal);
                    break;
            }
        }

        Assert.False(await reader.ReadAsync());
        Assert.Equal(SHA256.HashData(tokenBytes), storedHash);
    }

    [Fact]
    public async Task A_token_finds_its_user_and_another_token_finds_nobody()
    {
        var wren = await Users.AddAsync("Wren Hollowell", UserRoles.Officer, "NYC");
        var tamsin = await Users.AddAsync("Tamsin Oakhurst", UserRoles.Auditor, null);

        var found = await Users.FindByTokenAsync(wren.Token);
        Assert.NotNull(found);
        Assert.Equal(("Wren Hollowell", "officer", "NYC"), (found.Name, found.Role, found.Office));
        Assert.Equal("Tamsin Oakhurst", (await Users.FindByTokenAsync(tamsin.Token))?.Name);
        Assert.NotEqual(wren.Token, tamsin.Token);
        Assert.Null(await Users.FindByTokenAsync("dkt_" + new string('A', 43)));
        Assert.Null(await Users.FindByTokenAsync(wren.Token + "x"));
    }

    [Fact]
    public async Task A_second_user_with_the_same_name_is_refused()
    {
        await Users.AddAsync("Wren Hollowell", UserRoles.Officer, "NYC");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Users.AddAsync("Wren Hollowell", UserRoles.Supervisor, "NYC"));

        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public async Task A_revoked_token_finds_nobody()
    {
        var issued = await Users.AddAsync("Wren Hollowell", UserRoles.Supervisor, "NYC");
        Clock.Advance(Duration.FromMinutes(5));

        Assert.True(await Users.RevokeAsync("Wren Hollowell"));

        Assert.Null(await Users.FindByTokenAsync(issued.Token));
        Assert.False(await Users.RevokeAsync("Wren Hollowell"));
        Assert.False(await Users.RevokeAsync("Nobody Atall"));
    }

    [Fact]
    public async Task A_token_past_its_validity_finds_nobody()
    {
        var issued = await Users.AddAsync("Wren Hollowell", UserRoles.Auditor, null, Duration.FromHours(8));
        var forever = await Users.AddAsync("Tamsin Oakhurst", UserRoles.Auditor, null);

        Clock.Advance(Duration.FromHours(8) - Duration.FromSeconds(1));
        Assert.NotNull(await Users.FindByTokenAsync(issued.Token));

        Clock.Advance(Duration.FromSeconds(2));
        Assert.Null(await Users.FindByTokenAsync(issued.Token));

        Clock.Advance(Duration.FromDays(3650));
        Assert.NotNull(await Users.FindByTokenAsync(forever.Token));
    }

    [Fact]
    public async Task An_attorney_is_added_only_with_a_bar_number()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Users.AddAsync("Wren Hollowell", UserRoles.Attorney, null));
        var added = await Users.AddAsync(new NewUser("Wren Hollowell", UserRoles.Attorney, null) { BarNumber = " NY-4471 " });
        Assert.Equal("NY-4471", added.User.BarNumber);
        Assert.Equal("Wren Hollowell", (await Users.FindByTokenAsync(added.Token))?.Name);
    }

    [Fact]
    public async Task An_unknown_role_or_an_officer_without_an_office_is_refused_and_nothing_is_stored()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Users.AddAsync("Wren Hollowell", "director", "NYC"));
        await Assert.ThrowsAsync<ArgumentException>(() => Users.AddAsync("Wren Hollowell", "Officer", "NYC"));
        await Assert.ThrowsAsync<ArgumentException>(() => Users.AddAsync("Wren Hollowell", UserRoles.Officer, null));
        await Assert.ThrowsAsync<ArgumentException>(() => Users.AddAsync(" ", UserRoles.Auditor, null));

        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM users"));
    }
}

public sealed class UserStoreTestsOnSqlite() : UserStoreTests(StoreKind.Sqlite);

public sealed class UserStoreTestsOnPostgres() : UserStoreTests(StoreKind.Postgres);
