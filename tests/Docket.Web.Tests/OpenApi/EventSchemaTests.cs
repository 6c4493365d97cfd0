using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Docket.Domain.Events;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.OpenApi;

/// <summary>
/// The event bodies in the OpenAPI document are the vocabulary the Domain parses: one schema
/// for each registered type, joined by a discriminated oneOf, and each schema accepts exactly
/// what the parser accepts. A field added to a record, a new event type or a new enum value
/// shows up in the document without anyone editing it, and these tests hold it to the parser.
/// </summary>
public sealed class EventSchemaTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private async Task<JsonElement> SchemasAsync()
    {
        using var response = await server.As(null).SendAsync(HttpMethod.Get, "/openapi/v1.json");
        return (await Json.ReadAsync(response, HttpStatusCode.OK)).GetProperty("components").GetProperty("schemas");
    }

    [Fact]
    public async Task The_event_schemas_are_exactly_the_registered_event_types_joined_by_a_discriminated_oneOf()
    {
        var schemas = await SchemasAsync();
        var union = schemas.GetProperty("CaseEvent");

        var oneOf = union.GetProperty("oneOf").EnumerateArray().Select(r => r.Text("$ref")).ToList();
        var registered = EventTypes.ByName.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(registered.Select(n => $"#/components/schemas/{n}"), oneOf.Order(StringComparer.Ordinal));
        var discriminator = union.GetProperty("discriminator");
        Assert.Equal("type", discriminator.Text("propertyName"));
        var mapping = discriminator.GetProperty("mapping").EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetString());
        Assert.Equal(registered, mapping.Keys.Order(StringComparer.Ordinal));
        Assert.All(mapping, m => Assert.Equal($"#/components/schemas/{m.Key}", m.Value));

        foreach (var name in registered)
        {
            var schema = schemas.GetProperty(name);
            Assert.False(schema.GetProperty("additionalProperties").GetBoolean(), $"{name} allows other fields");
            Assert.Equal([name], schema.GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("date", schema.GetProperty("properties").GetProperty("on").Text("format"));
            var required = Required(schema);
            Assert.Contains("type", required);
            Assert.Contains("on", required);
        }

        var record = await RecordEventBodyAsync();
        Assert.Equal("#/components/schemas/CaseEvent", record);
    }

    [Fact]
    public async Task The_schemas_say_what_the_vocabulary_says()
    {
        var schemas = await SchemasAsync();

        var hearing = schemas.GetProperty("HearingScheduled");
        Assert.Equal(["court", "date", "kind", "on", "type"], Required(hearing).Order(StringComparer.Ordinal));
        Assert.Equal(["master", "individual"], Enum(hearing, "kind"));
        Assert.Equal("date", Property(hearing, "date").Text("format"));
        Assert.Equal("boolean", Property(hearing, "earlierDateRequested").Text("type"));

        Assert.Equal(["self-report", "exit-record", "carrier-manifest"], Enum(schemas.GetProperty("DepartureReported"), "source"));
        Assert.Equal("^[A-Z]{3}$", Property(schemas.GetProperty("DepartureReported"), "destinationCountry").Text("pattern"));
        Assert.Equal(["departed", "removed", "relief-granted", "terminated", "administrative"], Enum(schemas.GetProperty("CaseClosed"), "reason"));
        Assert.Equal(["in-absentia-exceptional", "in-absentia-no-notice", "changed-country-conditions", "vawa", "other"], Enum(schemas.GetProperty("MotionFiled"), "grounds"));
        var judge = schemas.GetProperty("JudgeDecided");
        Assert.Equal("^[A-Z]{3}$", Property(judge, "protectedCountries").GetProperty("items").Text("pattern"));
        Assert.DoesNotContain("appeal", Required(judge));
        Assert.Equal("#/components/schemas/CaseEvent", Property(schemas.GetProperty("EntryCorrected"), "replacement").Text("$ref"));

        // The bodies of the two endpoints that write an event for the caller: no type, no source.
        var opening = schemas.GetProperty("OpenCaseRequest");
        Assert.Equal(["aNumber", "citizenship", "dateOfBirth", "familyName", "givenNames", "office"], Required(opening).Order(StringComparer.Ordinal));
        var departure = schemas.GetProperty("DepartureReportRequest");
        Assert.Equal(["destinationCountry", "on"], Required(departure).Order(StringComparer.Ordinal));
        Assert.False(departure.GetProperty("properties").TryGetProperty("source", out _));
        Assert.False(departure.GetProperty("properties").TryGetProperty("type", out _));
    }

    [Fact]
    public async Task Each_event_schema_accepts_what_the_parser_accepts_and_nothing_else()
    {
        var schemas = await SchemasAsync();
        var wrong = new List<string>();
        foreach (var name in EventTypes.ByName.Keys.Order(StringComparer.Ordinal))
        {
            var schema = schemas.GetProperty(name);
            var body = Minimal(name, schema);
            Check($"{name}, its required fields only", body, expectParsed: true);

            foreach (var field in Required(schema).Where(f => f is not ("type" or "on")))
            {
                var without = (JsonObject)body.DeepClone();
                without.Remove(field);
                Check($"{name} without required {field}", without, expectParsed: false);
            }

            foreach (var property in schema.GetProperty("properties").EnumerateObject().Where(p => p.Name is not ("type" or "on")))
            {
                foreach (var value in property.Name == "aNumber" ? [JsonValue.Create(ANumberSample)] : Samples(property.Value))
                {
                    var with = (JsonObject)body.DeepClone();
                    with[property.Name] = value;
                    if (name == nameof(JudgeDecided) && property.Name == "inAbsentia" && value.GetValue<bool>())
                    {
                        with.Remove("appeal");
                    }

                    Check($"{name} with {property.Name} = {value.ToJsonString()}", with, expectParsed: true);
                }
            }

            var extra = (JsonObject)body.DeepClone();
            extra["notAField"] = "x";
            Check($"{name} with a field its schema does not list", extra, expectParsed: false);
        }

        Assert.True(wrong.Count == 0, "The schema and the parser disagree:\n" + string.Join("\n", wrong));

        void Check(string what, JsonObject body, bool expectParsed)
        {
            var result = EventJson.Parse(JsonSerializer.SerializeToElement(body));
            if (result.Succeeded != expectParsed)
            {
                wrong.Add($"{what}: {(expectParsed ? "refused: " + string.Join("; ", result.Errors) : "accepted")}");
            }
        }
    }

    private const string ANumberSample = "212000999";

    private async Task<string?> RecordEventBodyAsync()
    {
        using var response = await server.As(null).SendAsync(HttpMethod.Get, "/openapi/v1.json");
        var document = await Json.ReadAsync(response, HttpStatusCode.OK);
        return document.GetProperty("paths").GetProperty("/api/cases/{aNumber}/events").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").Text("$ref");
    }

    private static JsonObject Minimal(string name, JsonElement schema)
    {
        var body = new JsonObject { ["type"] = name, ["on"] = DocketServer.Today };
        foreach (var field in Required(schema).Where(f => f is not ("type" or "on")))
        {
            body[field] = field == "aNumber" ? ANumberSample : Samples(Property(schema, field))[0];
        }

        // Rules the schema does not state (EventShape): an A-number is 9 digits, and a judge's
        // order that was not in absentia says whether appeal was reserved or waived.
        if (name == nameof(JudgeDecided))
        {
            body["appeal"] = "reserved";
        }

        return body;
    }

    /// <summary>Values the schema says are valid: each enum value, or one value of the type.</summary>
    private static List<JsonNode> Samples(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Assert.Equal("#/components/schemas/CaseEvent", reference.GetString());
            return [new JsonObject { ["type"] = nameof(CustodyStarted), ["on"] = DocketServer.Today }];
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return [.. values.EnumerateArray().Select(v => JsonValue.Create(v.GetString())!)];
        }

        return schema.Text("type") switch
        {
            "string" when schema.TryGetProperty("format", out var f) && f.GetString() == "date" => [JsonValue.Create("2024-11-04")],
            "string" when schema.TryGetProperty("pattern", out _) => [JsonValue.Create("MEX")],
            "string" => [JsonValue.Create("Synthetic text 7")],
            "boolean" => [JsonValue.Create(false), JsonValue.Create(true)],
            "integer" => [JsonValue.Create(1)],
            "array" => [new JsonArray(), new JsonArray([.. Samples(schema.GetProperty("items")).Take(1)])],
            var other => throw new InvalidOperationException($"no sample for a schema of type {other}"),
        };
    }

    private static JsonElement Property(JsonElement schema, string name) => schema.GetProperty("properties").GetProperty(name);

    private static List<string> Required(JsonElement schema) => [.. schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!)];

    private static List<string?> Enum(JsonElement schema, string property) => [.. Property(schema, property).GetProperty("enum").EnumerateArray().Select(e => e.GetString())];
}
