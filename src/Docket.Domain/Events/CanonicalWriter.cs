using System.Text.Json;

namespace Docket.Domain.Events;

/// <summary>
/// The canonical form of an event: fields in declaration order, no whitespace, absent
/// optionals left out, text unescaped where JSON allows. The payload is hashed into the log,
/// so this output is part of the contract: one fact, one payload, byte for byte.
/// </summary>
internal static class CanonicalWriter
{
    /// <summary>The event's fields other than type and on.</summary>
    public static string Payload(CaseEvent @event) => JsonSerializer.Serialize(@event, @event.GetType(), EventJsonOptions.Instance);

    /// <summary>The full wire body <c>{type, on, ...fields}</c>.</summary>
    public static string Body(CaseEvent @event)
    {
        var payload = Payload(@event);
        var head = $"{{\"type\":\"{@event.Type}\",\"on\":\"{WireDates.Pattern.Format(@event.On)}\"";
        return payload == "{}" ? head + "}" : head + "," + payload[1..];
    }
}
