using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Docket.Domain.Events;

/// <summary>
/// The wire form of events, <c>{type, on, ...fields}</c>: one door to the strict reader
/// (<see cref="StrictReader"/>), the canonical writer (<see cref="CanonicalWriter"/>) and the
/// wire dates (<see cref="WireDates"/>), so that callers need not know how the work is divided.
/// </summary>
public static class EventJson
{
    /// <summary>The serializer settings of the wire form.</summary>
    public static JsonSerializerOptions Options => EventJsonOptions.Instance;

    /// <summary>How a wire date is written: YYYY-MM-DD.</summary>
    public static LocalDatePattern DatePattern => WireDates.Pattern;

    /// <summary>The range of legal dates Docket accepts on the wire.</summary>
    public static LocalDate EarliestDate => WireDates.Earliest;

    public static LocalDate LatestDate => WireDates.Latest;

    /// <summary>The deepest nesting of arrays and objects an event body may have.</summary>
    public static int MaxDepth => StrictReader.MaxDepth;

    /// <summary>Parses a full event body <c>{type, on, ...}</c>.</summary>
    public static EventParseResult Parse(JsonElement body) => StrictReader.Read(body, routingField: null, Reading.NewFact);

    /// <summary>
    /// Parses an event body that also names where it goes (an import line's <c>aNumber</c>): the
    /// <paramref name="routingField"/> is read as a field only by event types that have it
    /// (a CaseOpened names its A-number) and is otherwise left to the caller.
    /// </summary>
    public static EventParseResult Parse(JsonElement body, string? routingField) => StrictReader.Read(body, routingField, Reading.NewFact);

    /// <summary>Parses a stored payload (the fields other than type and on), as it was accepted when written.</summary>
    public static EventParseResult ParsePayload(string type, LocalDate on, string payload) => StrictReader.ReadPayload(type, on, payload);

    /// <summary>The canonical payload text: the event's fields other than type and on.</summary>
    public static string SerializePayload(CaseEvent @event) => CanonicalWriter.Payload(@event);

    /// <summary>The full wire body <c>{type, on, ...fields}</c>.</summary>
    public static string SerializeBody(CaseEvent @event) => CanonicalWriter.Body(@event);

    /// <summary>
    /// Whether the wire requires a field of an event type (the vocabulary's fields without
    /// <c>?</c>; a list must be written even when empty). JudgeDecided's <c>appeal</c> is
    /// optional here: it is required unless <c>inAbsentia</c> is true, and refused when it is.
    /// </summary>
    public static bool IsRequired(Type eventType, string field) =>
        EventFields.Of(eventType).ByName.TryGetValue(field, out var known) && known.Required;

    /// <summary>
    /// Reads a wire date: exactly YYYY-MM-DD, a real calendar day, within
    /// <see cref="EarliestDate"/>..<see cref="LatestDate"/>. For query strings as well as bodies.
    /// </summary>
    public static bool TryParseDate(string? text, out LocalDate date) => WireDates.TryParse(text, out date);
}
