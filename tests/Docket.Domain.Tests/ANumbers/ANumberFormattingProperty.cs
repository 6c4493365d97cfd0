using System.Text;
using Docket.Domain.Cases;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Docket.Domain.Tests.ANumbers;

/// <summary>For any nine digits, every way of writing them normalises back to those digits.</summary>
public sealed class ANumberFormattingProperty
{
    private static readonly Gen<string> Digits =
        Gen.Choose(0, 9).ArrayOf(9).Select(ds => string.Concat(ds));

    private static readonly Gen<string> Prefix = Gen.Elements("", "A", "a");

    // Zero, one or two separators in any gap.
    private static readonly Gen<string> Gap =
        Gen.Elements("", " ", "-").ArrayOf(2).Select(parts => string.Concat(parts));

    private static readonly Gen<string> Margin = Gen.Elements("", " ", "  ");

    private sealed record Written(string Digits, string Text);

    private static readonly Gen<Written> Writings =
        from digits in Digits
        from prefix in Prefix
        from gaps in Gap.ArrayOf(digits.Length + 1)
        from lead in Margin
        from trail in Margin
        select new Written(digits, Write(digits, prefix, gaps, lead, trail));

    private static string Write(string digits, string prefix, string[] gaps, string lead, string trail)
    {
        var text = new StringBuilder(lead).Append(prefix);
        for (var i = 0; i < digits.Length; i++)
        {
            text.Append(gaps[i]).Append(digits[i]);
        }

        return text.Append(gaps[^1]).Append(trail).ToString();
    }

    [Property(MaxTest = 500)]
    public Property Any_nine_digits_written_with_prefix_dashes_and_spaces_normalise_back_to_the_digits() =>
        Prop.ForAll(Writings.ToArbitrary(), written =>
            ANumber.TryParse(written.Text, out var parsed) && parsed.Value.Digits == written.Digits);
}
