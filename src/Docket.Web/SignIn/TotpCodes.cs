using NodaTime;
using OtpNet;
using QRCoder;

namespace Docket.Web.SignIn;

/// <summary>
/// RFC 6238 codes (Otp.NET): six digits, 30-second steps, SHA-1, as every authenticator app
/// reads an <c>otpauth://</c> URI; one step either side is accepted for a slow clock or a slow
/// typist. The step a code matched is returned so that it can be used once only.
/// </summary>
public static class TotpCodes
{
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    /// <summary>The time step the code belongs to, or null when it is not a current code.</summary>
    public static long? Match(byte[] secret, string? code, Instant now)
    {
        var digits = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        return new Totp(secret).VerifyTotp(now.ToDateTimeUtc(), digits, out var step, Window) ? step : null;
    }

    /// <summary>The code an authenticator shows at <paramref name="now"/> (for tests and the demo).</summary>
    public static string Compute(byte[] secret, Instant now) => new Totp(secret).ComputeTotp(now.ToDateTimeUtc());

    public static string Base32(byte[] secret) => Base32Encoding.ToString(secret);

    /// <summary>The secret in groups of four, easier to type into an app by hand.</summary>
    public static string Grouped(byte[] secret) =>
        string.Join(' ', Base32(secret).Chunk(4).Select(c => new string(c)));

    public static byte[] FromBase32(string text) => Base32Encoding.ToBytes(text.Replace(" ", "", StringComparison.Ordinal));

    public static string OtpAuthUri(string userName, byte[] secret) =>
        $"otpauth://totp/Docket:{Uri.EscapeDataString(userName)}?secret={Base32(secret)}&issuer=Docket&algorithm=SHA1&digits=6&period=30";

    /// <summary>The URI as a QR code, an SVG drawn with rectangles (no script, no inline style).</summary>
    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return svg[start..].Replace("<svg ", "<svg role=\"img\" aria-label=\"QR code of your authenticator secret\" focusable=\"false\" ", StringComparison.Ordinal);
    }
}
