using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Store.Cases;

namespace Docket.Store.Import;

/// <summary>
/// Folds case summaries during the checking pass, from events already parsed, so the import
/// need not read its million cases back from the log afterwards. Only a window of recently
/// seen cases is held; a case that leaves the window is summarised then. Files group a case's
/// lines together (plain files) or nearly so (exports, in position order), so almost every
/// case is complete when it leaves; one that turns up again later is listed in
/// <see cref="Rebuild"/> instead, to be summarised from the log once its events are written.
/// </summary>
internal sealed class CaseSummaryTracker(Action<CaseRow> summarised, int window = 4096)
{
    private readonly Dictionary<int, LinkedListNode<(int Key, List<CaseEvent> Events)>> open = [];
    private readonly LinkedList<(int Key, List<CaseEvent> Events)> byLastSeen = new();
    private readonly HashSet<int> closed = [];

    /// <summary>Cases seen again after they were summarised: their summaries come from the log.</summary>
    public HashSet<int> Rebuild { get; } = [];

    public void Add(int key, CaseEvent @event)
    {
        if (open.TryGetValue(key, out var node))
        {
            node.Value.Events.Add(@event);
            byLastSeen.Remove(node);
            byLastSeen.AddLast(node);
            return;
        }

        if (closed.Contains(key))
        {
            Rebuild.Add(key);
            return;
        }

        open[key] = byLastSeen.AddLast((key, [@event]));
        if (open.Count > window)
        {
            Close(byLastSeen.First!);
        }
    }

    /// <summary>The end of the file: every case still open is complete.</summary>
    public void Complete()
    {
        while (byLastSeen.First is { } first)
        {
            Close(first);
        }
    }

    private void Close(LinkedListNode<(int Key, List<CaseEvent> Events)> node)
    {
        var (key, events) = node.Value;
        byLastSeen.Remove(node);
        open.Remove(key);
        closed.Add(key);
        if (Rebuild.Contains(key))
        {
            return;
        }

        var state = CaseHistory.Fold(events);
        if (state.Exists)
        {
            summarised(CaseLog.Summary(state, AccessCodes.NoneIssued));
        }
    }
}
