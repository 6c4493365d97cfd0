using Docket.Domain.Events;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>Vocabulary v1.1: a departure report may say how the person left and what shows it.</summary>
public sealed class DepartureModeAndEvidence
{
    private static string Report(string extra) =>
        $$"""{"type":"DepartureReported","on":"2025-05-20","destinationCountry":"GTM","source":"self-report"{{extra}}}""";

    [Theory]
    [InlineData("air", DepartureMode.Air)]
    [InlineData("sea", DepartureMode.Sea)]
    [InlineData("land", DepartureMode.Land)]
    [InlineData("consular", DepartureMode.Consular)]
    public void Each_mode_of_the_vocabulary_is_read(string written, DepartureMode mode)
    {
        Assert.Equal(mode, Assert.IsType<DepartureReported>(Parsing.Accepted(Report($$""","mode":"{{written}}" """))).Mode);
    }

    [Theory]
    [InlineData("boarding-pass", DepartureEvidence.BoardingPass)]
    [InlineData("passport-stamp", DepartureEvidence.PassportStamp)]
    [InlineData("consular-verification", DepartureEvidence.ConsularVerification)]
    [InlineData("exit-record", DepartureEvidence.ExitRecord)]
    [InlineData("other", DepartureEvidence.Other)]
    public void Each_kind_of_evidence_of_the_vocabulary_is_read(string written, DepartureEvidence evidence)
    {
        Assert.Equal(evidence, Assert.IsType<DepartureReported>(Parsing.Accepted(Report($$""","evidence":"{{written}}" """))).Evidence);
    }

    [Fact]
    public void A_mode_outside_the_set_is_refused_listing_the_modes()
    {
        var errors = Parsing.Refused(Report(""","mode":"rail" """), "mode");

        Assert.Contains("mode: must be one of air, sea, land, consular", errors);
    }

    [Fact]
    public void Evidence_outside_the_set_is_refused_listing_the_kinds()
    {
        var errors = Parsing.Refused(Report(""","evidence":"photo" """), "evidence");

        Assert.Contains("evidence: must be one of boarding-pass, passport-stamp, consular-verification, exit-record, other", errors);
    }

    [Fact]
    public void A_report_without_mode_or_evidence_has_neither()
    {
        var report = Assert.IsType<DepartureReported>(Parsing.Accepted(Report("")));

        Assert.Null(report.Mode);
        Assert.Null(report.Evidence);
    }

    [Fact]
    public void A_v1_payload_stored_before_mode_and_evidence_reads_back_byte_for_byte()
    {
        const string stored = """{"destinationCountry":"GTM","source":"carrier-manifest","port":"Brindlemoor Harbour"}""";

        var result = EventJson.ParsePayload("DepartureReported", Synthetic.Day(2025, 5, 20), stored);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(stored, EventJson.SerializePayload(result.Event!));
    }
}
