using System.Security.Cryptography;

namespace Docket.Store.Cases;

/// <summary>
/// The self-service access code given to the person when their case opens. It is short
/// enough to write on a letter, so it is stored only as a salted, slow PBKDF2 hash.
/// </summary>
public static class AccessCodes
{
    // No 0/O, 1/I/L: the code is read off paper.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int Iterations = 100_000;

    /// <summary>Stored when no code has been issued (imported or demo cases): matches nothing.</summary>
    public static byte[] NoneIssued => [];

    public static string Generate()
    {
        Span<char> chars = stackalloc char[14];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i is 4 or 9 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    public static byte[] Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Normalise(code), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return [.. salt, .. hash];
    }

    public static bool Matches(string code, byte[] stored)
    {
        if (stored.Length != 48)
        {
            return false;
        }

        var hash = Rfc2898DeriveBytes.Pbkdf2(Normalise(code), stored.AsSpan(0, 16).ToArray(), Iterations, HashAlgorithmName.SHA256, 32);
        return CryptographicOperations.FixedTimeEquals(hash, stored.AsSpan(16));
    }

    private static string Normalise(string code) => code.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
