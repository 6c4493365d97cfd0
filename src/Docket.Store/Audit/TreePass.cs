using System.Text;
using Docket.Domain.Audit;

namespace Docket.Store.Audit;

/// <summary>
/// The Merkle half of <see cref="AuditVerifier"/>'s single pass: rebuilds the tree from the
/// events' hashes, compares each event with the leaf stored for its position, and compares the
/// recomputed root with each signed head the moment the tree reaches that head's size.
/// </summary>
internal sealed class TreePass(IReadOnlyList<(string Name, long? Id, SignedCheckpoint Head)> targets, bool treeBuilt, List<AuditFinding> findings)
{
    private readonly MerkleFrontier frontier = new();
    private AuditFinding? firstLeafFinding;
    private long lastMatchedSize;
    private int next = SkipEmpty(targets, findings);

    public long Size => frontier.Size;

    public void Add(EventBatch batch, int row)
    {
        var leaf = batch.Leaf(row);
        if (firstLeafFinding is null && treeBuilt && (!batch.HasLeaf(row) || !MerkleHash.AreEqual(leaf, batch.StoredLeaf(row))))
        {
            var why = !batch.HasLeaf(row)
                ? "it has no leaf in the Merkle tree: it was put into the events table outside Docket"
                : "it is not the event the Merkle tree recorded at this position when it was written: an event was replaced, reordered, inserted, or a case rewritten with a fresh chain";
            var (position, aNumber, version) = (batch.Position(row), Encoding.UTF8.GetString(batch.ANumber(row)), batch.Version(row));
            firstLeafFinding = new AuditFinding(FindingKind.Event, position, $"event at position {position} (case {aNumber}, version {version}): {why}")
            {
                ANumber = aNumber,
                Version = version,
            };
            findings.Add(firstLeafFinding);
        }

        frontier.Append(leaf.ToArray());
        byte[]? root = null;
        while (next < targets.Count && targets[next].Head.TreeSize == frontier.Size)
        {
            Judge(targets[next++], root ??= frontier.Root());
        }
    }

    /// <summary>Heads that cover more events than the log holds: the end of the log was cut off.</summary>
    public void Finish()
    {
        for (; next < targets.Count; next++)
        {
            var (name, id, head) = targets[next];
            findings.Add(new AuditFinding(FindingKind.Checkpoint, frontier.Size + 1,
                $"{name} ({head}): it covers {head.TreeSize} events but the log holds only {frontier.Size}: the events at positions {frontier.Size + 1}..{head.TreeSize} were removed")
            { CheckpointId = id, TreeSize = head.TreeSize });
        }
    }

    private void Judge((string Name, long? Id, SignedCheckpoint Head) target, byte[] root)
    {
        var (name, id, head) = target;
        if (MerkleHash.AreEqual(root, head.RootHash))
        {
            lastMatchedSize = head.TreeSize;
            return;
        }

        var where = firstLeafFinding is { } leaf && leaf.Position <= head.TreeSize
            ? $"the first changed event is at position {leaf.Position} (case {leaf.ANumber})"
            : $"an event at positions {lastMatchedSize + 1}..{head.TreeSize} was changed, removed, reordered or inserted (the stored tree was rewritten with it, so it cannot say which)";
        findings.Add(new AuditFinding(FindingKind.Checkpoint, head.TreeSize,
            $"{name} ({head}): the first {head.TreeSize} events now give root {Convert.ToHexStringLower(root)}, not the signed root: {where}")
        { CheckpointId = id, TreeSize = head.TreeSize });
    }

    private static int SkipEmpty(IReadOnlyList<(string Name, long? Id, SignedCheckpoint Head)> targets, List<AuditFinding> findings)
    {
        var i = 0;
        for (; i < targets.Count && targets[i].Head.TreeSize == 0; i++)
        {
            if (!MerkleHash.AreEqual(MerkleHash.EmptyRoot(), targets[i].Head.RootHash))
            {
                findings.Add(new AuditFinding(FindingKind.Checkpoint, 0, $"{targets[i].Name} ({targets[i].Head}): an empty tree's root is SHA-256 of nothing, not this") { CheckpointId = targets[i].Id, TreeSize = 0 });
            }
        }

        return i;
    }
}
