using System.Text.Json;
using System.Text.Json.Nodes;
using Docket.Domain.Events;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>
/// Every field without <c>?</c> in the vocabulary is required, for every type: generated from
/// the registry of event types (each record's fields) and the well-formed bodies, so a type or
/// field added later is covered without writing its row here. What the contract marks optional
/// is listed by hand below, as DESIGN.md writes it; everything else must be refused when left out.
/// </summary>
public sealed class EveryRequiredField
{
    /// <summary>The fields DESIGN.md marks with <c>?</c>, by type.</summary>
    private static readonly Dictionary<string, string[]> Optional = new(StringComparer.Ordinal)
    {
        ["Admitted"] = ["admittedUntil"],
        ["Paroled"] = ["until"],
        ["NoticeToAppearServed"] = ["hearingDate", "hearingPlace"],
        ["HearingScheduled"] = ["earlierDateRequested"],
        ["FearScreeningCompleted"] = ["country"],
        ["JudgeDecided"] = ["relief", "removalCountry", "departBy"],
        ["StayGranted"] = ["until", "reference"],
        ["ProtectedStatusGranted"] = ["until"],
        ["DepartureReported"] = ["port", "mode", "evidence"],
    };

    /// <summary>The vocabulary's fields of a type: its record's parameters, as written on the wire.</summary>
    private static IEnumerable<string> FieldsOf(string type) =>
        EventTypes.ByName[type].GetConstructors().Single().GetParameters().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!));

    private static bool IsOptional(string type, string field) => Optional.TryGetValue(type, out var fields) && fields.Contains(field);

    private static string Without(string body, string field)
    {
        var node = JsonNode.Parse(body)!.AsObject();
        Assert.True(node.Remove(field), $"{field} is not in {body}");
        return node.ToJsonString();
    }

    public static TheoryData<string, string, string> RequiredFieldsOfEveryBody()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var (type, body) in WellFormedBodies.All)
        {
            rows.Add(type, "on", body);
            foreach (var field in FieldsOf(type).Where(f => !IsOptional(type, f) && f != "appeal"))
            {
                rows.Add(type, field, body);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(RequiredFieldsOfEveryBody))]
    public void Leaving_out_a_required_field_is_refused_naming_it(string type, string field, string body)
    {
        var errors = Parsing.Refused(Without(body, field), field);

        Assert.Contains(errors, e => e.StartsWith(field + ": is required", StringComparison.Ordinal));
        Assert.NotNull(type);
    }

    public static TheoryData<string, string, string> OptionalFieldsGiven()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var (type, body) in WellFormedBodies.All)
        {
            foreach (var field in FieldsOf(type).Where(f => IsOptional(type, f) && JsonNode.Parse(body)!.AsObject().ContainsKey(f)))
            {
                rows.Add(type, field, body);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(OptionalFieldsGiven))]
    public void Leaving_out_an_optional_field_is_accepted(string type, string field, string body)
    {
        Assert.Equal(type, Parsing.Accepted(Without(body, field)).Type);
    }

    [Fact]
    public void Every_optional_field_listed_here_is_a_field_of_its_type_and_is_given_in_some_well_formed_body()
    {
        foreach (var (type, fields) in Optional)
        {
            foreach (var field in fields)
            {
                Assert.Contains(field, FieldsOf(type));
                Assert.Contains(WellFormedBodies.All, row => row.Type == type && JsonNode.Parse(row.Body)!.AsObject().ContainsKey(field));
            }
        }
    }

    [Fact]
    public void Every_field_of_every_type_is_written_in_some_well_formed_body()
    {
        foreach (var type in EventTypes.ByName.Keys)
        {
            foreach (var field in FieldsOf(type))
            {
                Assert.True(
                    WellFormedBodies.All.Any(row => row.Type == type && JsonNode.Parse(row.Body)!.AsObject().ContainsKey(field)),
                    $"{type}.{field} is in no well-formed body");
            }
        }
    }

    [Fact]
    public void Bug_a_notice_to_appear_without_charges_was_accepted()
    {
        Parsing.Refused("""{"type":"NoticeToAppearServed","on":"2024-04-01","method":"mail"}""", "charges");
    }

    [Theory]
    [InlineData("inAbsentia", """{"type":"JudgeDecided","on":"2024-09-02","outcome":"terminated","alternateCountries":[],"protectedCountries":[],"appeal":"waived"}""")]
    [InlineData("alternateCountries", """{"type":"JudgeDecided","on":"2024-09-02","outcome":"terminated","protectedCountries":[],"appeal":"waived","inAbsentia":false}""")]
    [InlineData("protectedCountries", """{"type":"JudgeDecided","on":"2024-09-02","outcome":"terminated","alternateCountries":[],"appeal":"waived","inAbsentia":false}""")]
    [InlineData("appeal", """{"type":"JudgeDecided","on":"2024-09-02","outcome":"terminated","alternateCountries":[],"protectedCountries":[],"inAbsentia":false}""")]
    public void Bug_a_judges_decision_without_a_required_field_was_accepted(string field, string body)
    {
        var errors = Parsing.Refused(body, field);

        Assert.Contains(errors, e => e.StartsWith(field + ": is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"type":"NoticeToAppearServed","on":"2024-04-01","method":"mail","charges":null}""", "charges")]
    [InlineData("""{"type":"JudgeDecided","on":"2024-09-02","outcome":"terminated","alternateCountries":null,"protectedCountries":[],"appeal":"waived","inAbsentia":false}""", "alternateCountries")]
    [InlineData("""{"type":"JudgeDecided","on":"2024-09-02","outcome":"terminated","alternateCountries":[],"protectedCountries":[],"appeal":"waived","inAbsentia":null}""", "inAbsentia")]
    public void Null_for_a_required_list_or_flag_is_refused_naming_it(string body, string field)
    {
        Parsing.Refused(body, field);
    }
}
