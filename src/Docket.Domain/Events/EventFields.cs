using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Docket.Domain.Countries;
using NodaTime;

namespace Docket.Domain.Events;

/// <summary>
/// The fields of one event type, worked out once from its record (parsing is on the import
/// path). The record is the single source: a field is optional exactly when the vocabulary
/// marks it <c>?</c>, which the record spells as a nullable type; a list is required although
/// the record lets code leave it null, because the vocabulary says a list may be empty but must
/// be written; a flag with a default (<c>inAbsentia</c>) is still required on the wire.
/// </summary>
internal sealed class EventFields
{
    private static readonly ConcurrentDictionary<Type, EventFields> Cache = new();

    private EventFields(JsonTypeInfo info)
    {
        Info = info;
        // On and Type belong to the envelope (CaseEvent), not to the payload.
        All = [.. info.Properties.Where(p => p.DeclaringType != typeof(CaseEvent)).Select(Describe)];
        ByName = All.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public JsonTypeInfo Info { get; }

    public IReadOnlyList<EventField> All { get; }

    public FrozenDictionary<string, EventField> ByName { get; }

    public static EventFields Of(Type eventType) => Cache.GetOrAdd(eventType, t => new EventFields(EventJsonOptions.Instance.GetTypeInfo(t)));

    /// <summary>The item type of a list field, or null when the type is not a list.</summary>
    public static Type? ListItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    private static EventField Describe(JsonPropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var parameter = property.AssociatedParameter
            ?? throw new InvalidOperationException($"{property.DeclaringType.Name}.{property.Name}: an event field is a parameter of its record");
        var kind = KindOf(type) ?? throw new InvalidOperationException(
            $"{property.DeclaringType.Name}.{property.Name}: the wire has no rule for a field of type {type.Name}; add one to {nameof(FieldKind)}");
        var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null || property.IsGetNullable;
        var isList = kind is FieldKind.TextList or FieldKind.CountryList;
        return new EventField(
            property.Name,
            kind,
            Required: !nullable || isList,
            RequiredWhenStored: !parameter.HasDefaultValue,
            FreeText: parameter.AttributeProvider?.IsDefined(typeof(FreeTextAttribute), inherit: false) == true,
            Choices: type.IsEnum ? [.. Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName)] : []);
    }

    private static FieldKind? KindOf(Type type) => type switch
    {
        _ when type == typeof(string) => FieldKind.Text,
        _ when type == typeof(LocalDate) => FieldKind.Date,
        _ when type == typeof(bool) => FieldKind.Flag,
        _ when type == typeof(int) => FieldKind.WholeNumber,
        _ when type == typeof(CountryCode) => FieldKind.Country,
        _ when type == typeof(JsonElement) => FieldKind.EventBody,
        { IsEnum: true } => FieldKind.Choice,
        _ when ListItemType(type) == typeof(string) => FieldKind.TextList,
        _ when ListItemType(type) == typeof(CountryCode) => FieldKind.CountryList,
        _ => null,
    };
}
