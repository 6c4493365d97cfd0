using System.Collections.Frozen;

namespace Docket.Domain.Events;

/// <summary>The v1 vocabulary: every event type by its wire name (the record's name).</summary>
public static class EventTypes
{
    public static FrozenDictionary<string, Type> ByName { get; } = typeof(CaseEvent).Assembly
        .GetTypes()
        .Where(t => t is { IsSealed: true } && t.IsSubclassOf(typeof(CaseEvent)))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
}
