using System.Globalization;
using System.Reflection;
using System.Text;

namespace Docket.Web.SignIn;

/// <summary>
/// NIST SP 800-63B's rules for a password a person chooses: at least 15 characters (a
/// passphrase of ordinary words is fine), at most 256, any characters including spaces, not a
/// common or breached password from the list shipped with Docket
/// (<c>SignIn/common-passwords.txt</c>), not the user's own name, not one character repeated.
/// No rules about mixing character classes and no forced changes, as 800-63B advises.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 15;
    public const int MaximumLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static IReadOnlyList<string> Check(string? password, string? confirmation, string userName)
    {
        var errors = new List<string>();
        var text = (password ?? "").Normalize(NormalizationForm.FormKC);
        var length = new StringInfo(text).LengthInTextElements;
        if (length < MinimumLength)
        {
            errors.Add($"Password: use at least {MinimumLength} characters; a few ordinary words with spaces between them are easy to remember.");
        }
        else if (length > MaximumLength)
        {
            errors.Add($"Password: use at most {MaximumLength} characters.");
        }
        else if (IsCommon(text))
        {
            errors.Add("Password: this password is on the list of common or breached passwords; choose another.");
        }
        else if (text.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("Password: do not use your user name in your password.");
        }
        else if (text.Distinct().Count() <= 2)
        {
            errors.Add("Password: do not repeat one or two characters; choose a phrase.");
        }

        if (!string.Equals(password, confirmation, StringComparison.Ordinal))
        {
            errors.Add("Password again: the two passwords are not the same.");
        }

        return errors;
    }

    /// <summary>Whether the list holds the password, compared without case and spaces.</summary>
    public static bool IsCommon(string password) => Common.Value.Contains(Squash(password));

    public static int ListSize => Common.Value.Count;

    private static string Squash(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c)).Select(char.ToLowerInvariant)]);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("sign-in/common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(Squash(line));
            }
        }

        return set;
    }
}
