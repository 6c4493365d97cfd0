using Docket.Store.Import;

namespace Docket.Store.Tests.Import;

/// <summary>
/// An import line whose strings or keys are not text (an escaped lone surrogate, which no UTF-8
/// file can hold as text) or whose keys repeat is refused by its line number, as any other bad
/// line is: before the fix reading such a string threw InvalidOperationException out of the parser
/// and stopped the whole import with a crash instead of a list of bad lines.
/// </summary>
public sealed class ImportLineTextTests
{
    private const string Hash = "0000000000000000000000000000000000000000000000000000000000000000";

    private static ImportError Refused(long line, string text)
    {
        var parsed = ImportLineParser.Parse(new RawLine(line, text, null, null));
        Assert.Null(parsed.Record);
        Assert.NotNull(parsed.Error);
        Assert.Equal(line, parsed.Error.Line);
        return parsed.Error;
    }

    [Fact]
    public void Bug_a_lone_surrogate_in_the_aNumber_threw_and_is_a_refused_line()
    {
        var error = Refused(7, """{"aNumber":"\udfff","type":"MailingAddressChanged","on":"2025-06-02","address":"1 Main St"}""");

        Assert.Contains("aNumber", error.Reason, StringComparison.Ordinal);
        Assert.Contains("not text", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bug_a_lone_surrogate_in_an_export_lines_type_threw_and_is_a_refused_line()
    {
        var line = $$"""{"position":1,"aNumber":"208417350","version":1,"type":"Case\ud800Opened","on":"2025-06-02","recordedAt":"2025-06-02T15:00:00.000Z","recordedBy":"officer","payload":"{}","prevHash":"{{Hash}}","hash":"{{Hash}}"}""";

        var error = Refused(12, line);

        Assert.Equal("208417350", error.ANumber);
        Assert.Contains("type", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bug_a_lone_surrogate_in_a_field_name_threw_and_is_a_refused_line()
    {
        var error = Refused(3, """{"aNumber":"208417350","\udc00":1,"type":"MailingAddressChanged","on":"2025-06-02","address":"1 Main St"}""");

        Assert.Contains("field name", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_is_a_refused_line()
    {
        var error = Refused(4, """{"aNumber":"208417350","type":"MailingAddressChanged","type":"AppealFiled","on":"2025-06-02","address":"1 Main St"}""");

        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public void A_well_formed_line_next_to_them_is_still_read()
    {
        var parsed = ImportLineParser.Parse(new RawLine(1, """{"aNumber":"A208-417-350","type":"MailingAddressChanged","on":"2025-06-02","address":"1 Main St"}""", null, null));

        Assert.Null(parsed.Error);
        Assert.Equal("208417350", parsed.Record!.ANumber);
    }
}
