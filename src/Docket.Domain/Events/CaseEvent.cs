using System.Text.Json.Serialization;
using NodaTime;

namespace Docket.Domain.Events;

/// <summary>
/// A fact in a case's history, named in the past tense. <see cref="On"/> is the legal
/// effective date; every other property is part of the stored payload.
/// </summary>
public abstract record CaseEvent
{
    /// <summary>The legal effective date (the wire field <c>on</c>, kept outside the payload).</summary>
    [JsonIgnore]
    public LocalDate On { get; init; }

    /// <summary>The wire name of the event type, which is the record's name.</summary>
    [JsonIgnore]
    public string Type => GetType().Name;
}
