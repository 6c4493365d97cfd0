using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using Microsoft.OpenApi;
using NodaTime;

namespace Docket.Web.OpenApi;

/// <summary>
/// The event bodies <c>{type, on, ...fields}</c> as JSON schemas, one for each type of the
/// vocabulary, read by reflection from the Domain's records exactly as its strict parser
/// (<see cref="EventJson"/>) reads them: the same field names, a field is required when the
/// record's parameter has no default, enums in kebab-case, dates <c>format: date</c>,
/// countries ISO 3166-1 alpha-3, and no other field. <see cref="Union"/> joins them as a
/// <c>oneOf</c> discriminated by <c>type</c>. A field type the mapping does not know stops the
/// document, rather than describing the field wrongly.
/// </summary>
public static class EventSchemas
{
    /// <summary>Any event: the body of POST /api/cases/{aNumber}/events.</summary>
    public const string Union = "CaseEvent";

    /// <summary>The body of POST /api/cases: CaseOpened's fields (Docket sets type and on).</summary>
    public const string OpenCase = "OpenCaseRequest";

    /// <summary>The body of POST /api/self-service/departure: DepartureReported without its source (always a self-report).</summary>
    public const string DepartureReport = "DepartureReportRequest";

    /// <summary>The body of POST /api/self-service/address: MailingAddressChanged's fields (Docket sets type and on).</summary>
    public const string AddressChange = "AddressChangeRequest";

    /// <summary>The body of POST /api/departures/{aNumber}/verification.</summary>
    public const string DepartureVerification = "DepartureVerificationRequest";

    /// <summary>The longest text the parser accepts in a field.</summary>
    private const int MaxText = 2000;

    public static void AddTo(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var schemas = DocketOpenApi.Schemas(document);
        var mapping = new Dictionary<string, OpenApiSchemaReference>(StringComparer.Ordinal);
        var oneOf = new List<IOpenApiSchema>();
        foreach (var (name, type) in EventTypes.ByName.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (schemas.ContainsKey(name))
            {
                throw new InvalidOperationException($"The OpenAPI document already has a schema named {name}; an event type's schema would replace it.");
            }

            schemas[name] = Event(name, type, document);
            mapping[name] = new OpenApiSchemaReference(name, document);
            oneOf.Add(new OpenApiSchemaReference(name, document));
        }

        schemas[Union] = new OpenApiSchema
        {
            Description = "One event {type, on, ...fields} of the v1 vocabulary; `type` names the event type. Unknown types or fields, and duplicate keys, are a 400.",
            OneOf = oneOf,
            Discriminator = new OpenApiDiscriminator { PropertyName = "type", Mapping = mapping },
        };
        schemas[OpenCase] = Fields(typeof(CaseOpened), document, withTypeAndOn: false, leaveOut: [],
            "A new case: the person's identity and the office; the first event, CaseOpened, is dated today.");
        schemas[DepartureReport] = Fields(typeof(DepartureReported), document, withTypeAndOn: false, leaveOut: ["source"],
            "A departure the person reports: `on` is the date they left; the source is always self-report.", withOn: true);
        schemas[AddressChange] = Fields(typeof(MailingAddressChanged), document, withTypeAndOn: false, leaveOut: [],
            "The person's new address of record for notices; dated today.");
        schemas[DepartureVerification] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Verifies the case's reported departure; with closeCase, closes the case (reason departed) in the same transaction.",
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["on"] = Date("The day the departure was verified, never after today (RECORD-NOT-FUTURE)."),
                ["closeCase"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Also record CaseClosed with reason departed." },
            },
            Required = new HashSet<string>(StringComparer.Ordinal) { "on" },
            AdditionalPropertiesAllowed = false,
        };
    }

    /// <summary>The field names of an event type as the parser knows them (the wire names), in declaration order.</summary>
    public static IReadOnlyList<JsonPropertyInfo> FieldsOf(Type eventType) =>
    [
        // type and on are the envelope (JsonIgnore on CaseEvent), not fields of the payload.
        .. EventJson.Options.GetTypeInfo(eventType).Properties
            .Where(p => p.AttributeProvider?.IsDefined(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), inherit: true) != true),
    ];

    private static OpenApiSchema Event(string name, Type type, OpenApiDocument document)
    {
        var schema = Fields(type, document, withTypeAndOn: true, leaveOut: [], description: null);
        schema.Title = name;
        return schema;
    }

    private static OpenApiSchema Fields(Type type, OpenApiDocument document, bool withTypeAndOn, IReadOnlyCollection<string> leaveOut, string? description, bool withOn = false)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (withTypeAndOn)
        {
            properties["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type.Name)], Description = "The event type." };
            required.Add("type");
        }

        if (withTypeAndOn || withOn)
        {
            properties["on"] = Date("The legal effective date, never after today (RECORD-NOT-FUTURE).");
            required.Add("on");
        }

        foreach (var field in FieldsOf(type).Where(f => !leaveOut.Contains(f.Name)))
        {
            properties[field.Name] = Value(field.PropertyType, document, $"{type.Name}.{field.Name}");
            if (EventJson.IsRequired(type, field.Name))
            {
                required.Add(field.Name);
            }
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = description,
            Properties = properties,
            Required = required,
            AdditionalPropertiesAllowed = false,
        };
    }

    private static IOpenApiSchema Value(Type clrType, OpenApiDocument document, string where)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (type == typeof(string))
        {
            return new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = MaxText };
        }

        if (type == typeof(LocalDate))
        {
            return Date(null);
        }

        if (type == typeof(CountryCode))
        {
            return new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[A-Z]{3}$", Description = "ISO 3166-1 alpha-3 country code." };
        }

        if (type.IsEnum)
        {
            return new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(JsonNamingPolicy.KebabCaseLower.ConvertName(n)))],
            };
        }

        if (type == typeof(bool))
        {
            return new OpenApiSchema { Type = JsonSchemaType.Boolean };
        }

        if (type == typeof(int))
        {
            return new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" };
        }

        if (type == typeof(JsonElement))
        {
            // The one free-form field: a correction's replacement, itself a whole event body.
            return new OpenApiSchemaReference(Union, document);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return new OpenApiSchema { Type = JsonSchemaType.Array, Items = Value(type.GetGenericArguments()[0], document, where + "[]") };
        }

        throw new InvalidOperationException($"{where}: the OpenAPI document has no schema for a field of type {type.Name}; add one to EventSchemas.");
    }

    private static OpenApiSchema Date(string? description) => new() { Type = JsonSchemaType.String, Format = "date", Description = description };
}
