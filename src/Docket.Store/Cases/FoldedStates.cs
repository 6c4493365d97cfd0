using System.Collections.Concurrent;
using Docket.Domain.Cases;
using Docket.Store.Events;

namespace Docket.Store.Cases;

/// <summary>
/// Remembers the state each recently read case folded to, with the rows it came from. Parsing
/// every payload and folding the stream was the largest share of Docket's own CPU in a case read
/// or an append once the rows are read. The rows are still read every time (the log is the
/// truth, and another process may have appended); the fold is reused only for the same events:
/// each with the same version, type, date and payload text, the fold's only inputs. When the
/// stream read has those events and more after them (an append since), only the new ones are
/// parsed and the fold goes on from the remembered state (<see cref="CaseHistory.Continue"/>).
/// So a reuse gives the state a fresh fold would, whatever happened to the log (an append, or
/// even an edit outside Docket). <see cref="CaseState"/> is immutable, so callers may share it.
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
        CaseState state;
        if (states.TryGetValue(aNumber, out var known) && StartsWith(rows, known.Rows))
        {
            if (known.Rows.Count == rows.Count)
            {
                return known.State;
            }

            state = CaseHistory.Continue(known.State, [.. EventReader.ToDomain(rows.Skip(known.Rows.Count))]);
        }
        else
        {
            state = CaseHistory.Fold(EventReader.ToDomain(rows));
        }

        if (states.Count >= MaxCases)
        {
            states.Clear();
        }

        states[aNumber] = (rows, state);
        return state;
    }

    /// <summary>Whether <paramref name="rows"/> begin with exactly the events of <paramref name="known"/>.</summary>
    private static bool StartsWith(IReadOnlyList<EventRow> rows, IReadOnlyList<EventRow> known)
    {
        if (known.Count > rows.Count)
        {
            return false;
        }

        for (var i = 0; i < known.Count; i++)
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
