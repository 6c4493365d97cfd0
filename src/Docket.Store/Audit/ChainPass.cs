using System.Text;
using Docket.Store.Events;

namespace Docket.Store.Audit;

/// <summary>
/// The chain half of <c>docket verify</c>, over <see cref="EventBatch"/> rows: the same checks,
/// in the same order and words, as <see cref="ChainVerifier"/> (positions 1, 2, 3... with no gap;
/// versions 1, 2, 3... within a case; prevHash is the case's previous hash; the hash is
/// SHA-256 of the message, hashed straight from the row's bytes by
/// <see cref="EventBatch.HashRows"/>). It stops judging at the first break, as
/// <see cref="ChainVerifier"/> does, but goes on counting cases and events.
/// </summary>
internal sealed class ChainPass(IProgress<long>? progress)
{
    private const int ProgressEvery = 10_000;

    private readonly CaseHeads heads = new();
    private long expectedPosition = 1;
    private long seen;

    public BadEvent? FirstBad { get; private set; }

    public int Cases => heads.Count;

    public void Add(EventBatch batch, int row)
    {
        var slot = heads.Slot(batch.ANumber(row));
        if (FirstBad is null && Check(batch, row, slot) is { } reason)
        {
            FirstBad = new BadEvent(batch.Position(row), Encoding.UTF8.GetString(batch.ANumber(row)), batch.Version(row), reason);
        }

        if (++seen % ProgressEvery == 0)
        {
            progress?.Report(seen);
        }
    }

    public void Finish() => progress?.Report(seen);

    private string? Check(EventBatch batch, int row, int slot)
    {
        var position = batch.Position(row);
        if (position != expectedPosition)
        {
            return ChainFaults.Position(position, expectedPosition);
        }

        var version = batch.Version(row);
        if (version != heads.Version(slot) + 1)
        {
            return ChainFaults.Version(version, heads.Version(slot));
        }

        if (!batch.PrevHash(row).SequenceEqual(heads.Hash(slot)))
        {
            return ChainFaults.PrevHash;
        }

        var recomputed = batch.Recomputed(row);
        if (!batch.Hash(row).SequenceEqual(recomputed))
        {
            return ChainFaults.Hash(batch.Hash(row), recomputed);
        }

        heads.Advance(slot, version, recomputed);
        expectedPosition = position + 1;
        return null;
    }
}
