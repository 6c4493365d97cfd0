namespace Docket.Domain.Events;

/// <summary>Either a well-formed event or every reason it is not one.</summary>
public sealed record EventParseResult(CaseEvent? Event, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Event is not null;

    public static EventParseResult Parsed(CaseEvent @event) => new(@event, []);

    public static EventParseResult Failed(params IEnumerable<string> errors) => new(null, errors.ToList());
}
