using System.Security.Cryptography;
using Docket.Store.Staff;
using Docket.Web.SignIn;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Docket.Testing;

/// <summary>A user's staff sign-in as a test holds it: the password and the authenticator secret.</summary>
public sealed record StaffLogin(string UserName, string Password, byte[] Secret)
{
    /// <summary>The code an authenticator shows at <paramref name="now"/>.</summary>
    public string CodeAt(Instant now) => TotpCodes.Compute(Secret, now);
}

/// <summary>Gives an existing user a password and an authenticator secret, as the set-up page would (without it).</summary>
public static class StaffSignInKit
{
    public static async Task<StaffLogin> GiveStaffSignInAsync(this TestServer server, string userName)
    {
        ArgumentNullException.ThrowIfNull(server);
        var password = $"tea kettle {userName} orchard lantern";
        var secret = RandomNumberGenerator.GetBytes(StaffCredentials.SecretBytes);
        await server.App.Services.GetRequiredService<StaffCredentials>()
            .SetDirectlyAsync(userName, StaffSignIn.HashPassword(userName, password), secret);
        return new StaffLogin(userName, password, secret);
    }
}
