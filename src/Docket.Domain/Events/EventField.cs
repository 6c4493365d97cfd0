namespace Docket.Domain.Events;

/// <summary>What a field holds, which decides how its value is checked.</summary>
internal enum FieldKind { Text, Date, Flag, WholeNumber, Country, Choice, TextList, CountryList, EventBody }

/// <summary>One field of an event type as the wire knows it.</summary>
/// <param name="Name">The wire name (camelCase).</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Required">Required of a new fact: every field the vocabulary writes without <c>?</c>.</param>
/// <param name="RequiredWhenStored">Required of a stored payload: what was required when it was written.</param>
/// <param name="FreeText">Text that may run over lines (<see cref="FreeTextAttribute"/>).</param>
/// <param name="Choices">The allowed values of a closed set, as written on the wire.</param>
internal sealed record EventField(
    string Name,
    FieldKind Kind,
    bool Required,
    bool RequiredWhenStored,
    bool FreeText,
    IReadOnlyList<string> Choices)
{
    public bool IsRequired(Reading reading) => reading == Reading.NewFact ? Required : RequiredWhenStored;
}
