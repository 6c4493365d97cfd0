using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Docket.Domain.Events;

/// <summary>The serializer settings of the wire form, shared by the reader and the canonical writer.</summary>
internal static class EventJsonOptions
{
    public static JsonSerializerOptions Instance { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WriteListsEvenWhenEmpty } },
            // Payloads are stored and hashed, never embedded in HTML: keep names readable
            // ("Peña", not "Pe\u00F1a") for an auditor reading the table with plain SQL.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new CountryCodeJsonConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// A list is a required field of the vocabulary ("may be empty, but must be written"), so an
    /// event made in code with no list is written with an empty one: whatever Docket writes, its
    /// own reader accepts. A list read from the wire is never null, so what was read and
    /// accepted is written exactly as before.
    /// </summary>
    private static void WriteListsEvenWhenEmpty(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            if (EventFields.ListItemType(property.PropertyType) is { } item && property.Get is { } get)
            {
                var empty = Array.CreateInstance(item, 0);
                property.Get = owner => get(owner) ?? empty;
            }
        }
    }
}
