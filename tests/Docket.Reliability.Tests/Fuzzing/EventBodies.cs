using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Docket.Reliability.Tests.Fuzzing;

/// <summary>
/// Valid-looking event bodies for every type of the vocabulary (<see cref="EventTypes"/>), built
/// from each record's constructor: every field of the right kind, optional ones sometimes left
/// out, dates around the test's today. Most are lawful in shape and many are refused by the
/// rules of the case (a decision before a hearing): both are answers the server must give cleanly.
/// </summary>
public static class EventBodies
{
    private static readonly LocalDate Today = new(2025, 6, 2);

    private static readonly string[] Texts = ["New York Immigration Court", "212(a)(6)(A)(i)", "31 Thistlewood Lane, Queens NY", "Rosalind Achterberg", "NY-4471-2019", "JFK", "stay pending review", "x"];

    private static readonly string[] Countries = ["MEX", "GTM", "CAN", "HND", "SLV", "USA", "ZZZ"];

    public static Gen<JsonObject> Any { get; } = Gen.Elements(EventTypes.ByName.Keys.Order(StringComparer.Ordinal).ToArray()).SelectMany(Of);

    /// <summary>A body of one type: <c>{type, on, ...fields}</c>.</summary>
    public static Gen<JsonObject> Of(string type)
    {
        var parameters = Constructor(EventTypes.ByName[type]).GetParameters();
        var fields = parameters.Select(p => Field(p, nested: true)).ToArray();
        return Gen.Zip(Date(), Gen.CollectToArray(fields)).Select(pair =>
        {
            var body = new JsonObject { ["type"] = type, ["on"] = pair.Item1 };
            for (var i = 0; i < parameters.Length; i++)
            {
                if (pair.Item2[i] is { } value)
                {
                    body[Name(parameters[i])] = value;
                }
            }

            return body;
        });
    }

    /// <summary>A wire date: mostly within a year before today, sometimes after it.</summary>
    public static Gen<string> Date() => Gen.Choose(-400, 40).Select(days => EventJson.DatePattern.Format(Today.PlusDays(days)));

    private static ConstructorInfo Constructor(Type type) => type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();

    private static string Name(ParameterInfo parameter) => JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);

    /// <summary>A value for the field, or null to leave an optional field out.</summary>
    private static Gen<JsonNode?> Field(ParameterInfo parameter, bool nested)
    {
        var value = Value(parameter.ParameterType, nested);
        return parameter.HasDefaultValue
            ? Gen.Frequency((3, value), (1, Gen.Constant<JsonNode?>(null)))
            : value;
    }

    private static Gen<JsonNode?> Value(Type declared, bool nested)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (type == typeof(string))
        {
            return Gen.Elements(Texts).Select(t => (JsonNode?)t);
        }

        if (type == typeof(LocalDate))
        {
            return Date().Select(d => (JsonNode?)d);
        }

        if (type == typeof(bool))
        {
            return Gen.Elements(true, false).Select(b => (JsonNode?)b);
        }

        if (type == typeof(int))
        {
            return Gen.Choose(0, 400).Select(n => (JsonNode?)n);
        }

        if (type == typeof(CountryCode))
        {
            return Gen.Elements(Countries).Select(c => (JsonNode?)c);
        }

        if (type.IsEnum)
        {
            return Gen.Elements(Enum.GetNames(type)).Select(n => (JsonNode?)JsonNamingPolicy.KebabCaseLower.ConvertName(n));
        }

        if (type == typeof(JsonElement))
        {
            // A corrected entry's replacement: an event body of its own, one level down.
            return nested
                ? Gen.Elements("MailingAddressChanged", "HearingScheduled", "ApplicationFiled").SelectMany(Of).Select(o => (JsonNode?)o)
                : Gen.Constant<JsonNode?>(new JsonObject());
        }

        if (type.IsGenericType && type.GetGenericArguments() is [var item])
        {
            var items = item == typeof(CountryCode) ? Gen.Elements(Countries) : Gen.Elements(Texts);
            return Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(items, n)).Select(list => (JsonNode?)new JsonArray([.. list.Select(v => (JsonNode?)v)]));
        }

        // A kind of field this generator does not know: left out, so the body misses a field.
        return Gen.Constant<JsonNode?>(null);
    }
}
