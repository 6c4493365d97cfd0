using NodaTime;

namespace Docket.Cli.Commands;

/// <summary>The one-time link with which a new user chooses a password and enrols an authenticator.</summary>
internal static class SetupLink
{
    public static readonly Duration ValidFor = Duration.FromDays(7);

    /// <summary>The path works on any Docket server over the same database, once.</summary>
    public static string Line(string? serverUrl, string token) =>
        $"Set-up link for the staff pages (works once, for {ValidFor.Days} days): {(serverUrl ?? "").TrimEnd('/')}/setup/{token}";
}
