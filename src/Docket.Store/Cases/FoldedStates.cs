using System.Collections.Concurrent;
using Docket.Domain.Cases;
using Docket.Store.Events;

namespace Docket.Store.Cases;

/// <summary>
/// Remembers the state each recently read case folded to, with the rows it came from. Parsing
/// every payload and folding the stream was the largest share of Docket's own CPU in a case read
/// or an append once the rows are read. The rows are still read every time (the log is the
/// truth, and another process may have appended); the fold is reused only when the stream has
/// exactly the same events: same count, and each with the same type, date and payload text, the
/// fold's only inputs. So a reuse gives the state a fresh fold would, whatever happened to the
/// log (an append, or even an edit outside Docket). <see cref="CaseState"/> is immutable, so
/// callers may share it.
/// </summary>
public sealed class FoldedStates
{
    /// <summary>A bound on memory: a few kilobytes a case. Past it the memory starts afresh.</summary>
    private const int MaxCases = 4096;

    private readonly ConcurrentDictionary<string, (IReadOnlyList<EventRow> Rows, CaseState State)> states = new(StringComparer.Ordinal);

    /// <summary>The state <paramref name="rows"/> (one case's whole stream, in version order, not empty) fold to.</summary>
    public CaseState Fold(IReadOnlyList<EventRow> rows)
    {
        var aNumber = rows[0].ANumber;
        if (states.TryGetValue(aNumber, out var known) && SameEvents(known.Rows, rows))
        {
            return known.State;
        }

        var state = CaseHistory.Fold(EventReader.ToDomain(rows));
        if (states.Count >= MaxCases)
        {
            states.Clear();
        }

        states[aNumber] = (rows, state);
        return state;
    }

    private static bool SameEvents(IReadOnlyList<EventRow> known, IReadOnlyList<EventRow> rows)
    {
        if (known.Count != rows.Count)
        {
            return false;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (a, b) = (known[i], rows[i]);
            if (a.Version != b.Version
                || !string.Equals(a.ANumber, b.ANumber, StringComparison.Ordinal)
                || !string.Equals(a.Type, b.Type, StringComparison.Ordinal)
                || !string.Equals(a.EffectiveOn, b.EffectiveOn, StringComparison.Ordinal)
                || !string.Equals(a.Payload, b.Payload, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
