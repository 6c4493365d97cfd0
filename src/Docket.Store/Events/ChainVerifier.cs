namespace Docket.Store.Events;

/// <summary>The first event that does not match its chain, and why.</summary>
public sealed record BadEvent(long Position, string ANumber, int Version, string Reason)
{
    public override string ToString() => $"event at position {Position} (case {ANumber}, version {Version}): {Reason}";
}

public sealed record ChainReport(long EventsChecked, int CasesChecked, BadEvent? FirstBad)
{
    public bool Intact => FirstBad is null;
}

/// <summary>
/// Recomputes every case's hash chain from the log in position order, and checks that
/// positions run 1, 2, 3... with no gap and versions 1, 2, 3... within each case.
/// </summary>
public static class ChainVerifier
{
    public static async Task<ChainReport> VerifyAsync(IAsyncEnumerable<EventRow> log, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var heads = new Dictionary<string, (int Version, byte[] Hash)>(StringComparer.Ordinal);
        long expectedPosition = 1;
        long checkedCount = 0;
        await foreach (var row in log.WithCancellation(cancellationToken))
        {
            var bad = Check(row, expectedPosition, heads);
            if (bad is not null)
            {
                return new ChainReport(checkedCount, heads.Count, bad);
            }

            heads[row.ANumber] = (row.Version, row.Hash);
            expectedPosition = row.Position + 1;
            if (++checkedCount % 10_000 == 0)
            {
                progress?.Report(checkedCount);
            }
        }

        progress?.Report(checkedCount);
        return new ChainReport(checkedCount, heads.Count, null);
    }

    private static BadEvent? Check(EventRow row, long expectedPosition, Dictionary<string, (int Version, byte[] Hash)> heads)
    {
        BadEvent Bad(string reason) => new(row.Position, row.ANumber, row.Version, reason);

        if (row.Position != expectedPosition)
        {
            return Bad(ChainFaults.Position(row.Position, expectedPosition));
        }

        var head = heads.TryGetValue(row.ANumber, out var h) ? h : (Version: 0, Hash: EventHash.Genesis.ToArray());
        if (row.Version != head.Version + 1)
        {
            return Bad(ChainFaults.Version(row.Version, head.Version));
        }

        if (!row.PrevHash.AsSpan().SequenceEqual(head.Hash))
        {
            return Bad(ChainFaults.PrevHash);
        }

        var recomputed = EventHash.Compute(row);
        if (!recomputed.AsSpan().SequenceEqual(row.Hash))
        {
            return Bad(ChainFaults.Hash(row.Hash, recomputed));
        }

        return null;
    }
}
