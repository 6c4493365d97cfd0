using Docket.Domain.Events;

namespace Docket.Domain.Cases;

public static partial class CaseHistory
{
    /// <summary>
    /// The state a whole stream folds to, given the state its first events folded to (without
    /// <c>asOf</c>) and the events recorded after them: the same as <see cref="Fold"/> of the whole
    /// stream. Without a correction anywhere in it the effective stream is the recorded one, so the
    /// fold goes on from where it stopped and only the new events are applied; a correction can
    /// change an earlier event and everything that followed from it, so then the whole stream is
    /// folded again.
    /// </summary>
    public static CaseState Continue(CaseState folded, IReadOnlyList<CaseEvent> more)
    {
        if (more.Any(e => e is EntryCorrected) || folded.Events.Any(e => e is EntryCorrected))
        {
            return Fold([.. folded.Events, .. more]);
        }

        var state = folded;
        foreach (var @event in more)
        {
            state = Apply(state, @event);
        }

        return state;
    }
}
