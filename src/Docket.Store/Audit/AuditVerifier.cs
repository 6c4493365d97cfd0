using System.Security.Cryptography;
using Docket.Domain.Audit;
using Docket.Store.Events;

namespace Docket.Store.Audit;

/// <summary>
/// Verifies the whole log in one pass over the events: every case's hash chain (the checks of
/// <see cref="ChainVerifier"/>, done by <see cref="ChainPass"/>), every event against the leaf
/// the tree recorded when it was written, every checkpoint's signature under the instance key and its root recomputed from
/// the events (not from the stored tree, which an administrator could rewrite too), each
/// checkpoint against the one before it, and optionally a witness's copy of a checkpoint.
/// Without the key (null) everything but the signatures is still checked: the chains, the tree
/// and every checkpoint's root and order; the report says the signatures were not.
/// </summary>
public sealed class AuditVerifier(DocketDatabase database)
{
    public async Task<AuditReport> VerifyAsync(ECDsa? trustedKey, WitnessCheckpoint? witness = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var findings = new List<AuditFinding>();
        var (logSize, treeSize) = await SnapshotAsync(cancellationToken);
        var checkpoints = await new CheckpointStore(database).ListAsync(cancellationToken: cancellationToken);
        var targets = CheckHeads(checkpoints, witness, trustedKey, findings);
        var pass = new TreePass(targets, treeSize > 0, findings);
        var chains = new ChainPass(progress);

        // One pass over the rows feeds both halves: each row's bytes are read once.
        await foreach (var batch in EventScan.ReadAsync(database, cancellationToken))
        {
            for (var row = 0; row < batch.Count; row++)
            {
                chains.Add(batch, row);
                pass.Add(batch, row);
            }
        }

        chains.Finish();
        if (chains.FirstBad is { } bad)
        {
            // First in the list, so that at the same position the chain's more specific reason is the one named.
            findings.Insert(0, new AuditFinding(FindingKind.Event, bad.Position, bad.ToString()) { ANumber = bad.ANumber, Version = bad.Version });
        }

        pass.Finish();
        findings.AddRange(TreeSizeFindings(logSize, treeSize, checkpoints.Count));
        findings.AddRange(await ConsistencyFindingsAsync(checkpoints, findings, treeSize, cancellationToken));
        return new AuditReport(pass.Size, chains.Cases, checkpoints.Count, treeSize, findings)
        {
            SignaturesChecked = trustedKey is not null,
            WitnessMatches = witness is null ? null : !findings.Any(f => f.Kind == FindingKind.Checkpoint && f.CheckpointId is null),
        };
    }

    /// <summary>Signatures (when there is a key) and order; returns the heads whose roots the pass must recompute.</summary>
    private static List<(string Name, long? Id, SignedCheckpoint Head)> CheckHeads(IReadOnlyList<CheckpointRow> rows, WitnessCheckpoint? witness, ECDsa? key, List<AuditFinding> findings)
    {
        var targets = new List<(string, long?, SignedCheckpoint)>();
        CheckpointRow? previous = null;
        foreach (var row in rows)
        {
            var head = row.ToSigned();
            var name = $"checkpoint #{row.Id} ({head})";
            AuditFinding Bad(string why) => new(FindingKind.Checkpoint, row.TreeSize, $"{name}: {why}") { CheckpointId = row.Id, TreeSize = row.TreeSize };
            if (key is not null && !head.IsSignedBy(key))
            {
                findings.Add(Bad("its signature is not valid under the instance key: the checkpoint was forged or altered"));
            }
            else if (previous is not null && row.TreeSize < previous.TreeSize)
            {
                findings.Add(Bad($"it covers fewer events than checkpoint #{previous.Id} before it ({previous.TreeSize}): a log can only grow"));
            }
            else if (previous is not null && string.CompareOrdinal(row.IssuedAt, previous.IssuedAt) < 0)
            {
                findings.Add(Bad($"it was issued before checkpoint #{previous.Id} ({previous.IssuedAt}): checkpoints were reordered or replaced"));
            }
            else
            {
                targets.Add(($"checkpoint #{row.Id}", row.Id, head));
            }

            previous = row;
        }

        if (witness is not null)
        {
            if (key is null || witness.Checkpoint.IsSignedBy(key))
            {
                targets.Add((witness.Name, null, witness.Checkpoint));
            }
            else
            {
                findings.Add(new AuditFinding(FindingKind.Checkpoint, witness.Checkpoint.TreeSize, $"{witness.Name} ({witness.Checkpoint}): its signature is not valid under the instance key") { TreeSize = witness.Checkpoint.TreeSize });
            }
        }

        return targets.OrderBy(t => t.Item3.TreeSize).ToList();
    }

    private static IEnumerable<AuditFinding> TreeSizeFindings(long logSize, long treeSize, int checkpoints)
    {
        if (treeSize > logSize)
        {
            yield return new AuditFinding(FindingKind.Tree, logSize + 1,
                $"event at position {logSize + 1}: the log ends at position {logSize} but the Merkle tree recorded {treeSize} events: the events at positions {logSize + 1}..{treeSize} were removed");
        }
        else if (treeSize == 0 && checkpoints > 0 && logSize > 0)
        {
            yield return new AuditFinding(FindingKind.Tree, 1, "the Merkle tree is empty although checkpoints were issued over it: merkle_nodes was emptied outside Docket");
        }
    }

    // Each checkpoint against the one before it, with the proof a witness would be served: this
    // also checks the stored nodes that proofs are built from.
    private async Task<List<AuditFinding>> ConsistencyFindingsAsync(IReadOnlyList<CheckpointRow> rows, List<AuditFinding> found, long treeSize, CancellationToken cancellationToken)
    {
        var findings = new List<AuditFinding>();
        var judged = found.Where(f => f.CheckpointId is not null).Select(f => f.CheckpointId).ToHashSet();
        var tree = new MerkleTreeStore(database);
        for (var i = 1; i < rows.Count; i++)
        {
            var (older, newer) = (rows[i - 1], rows[i]);
            if (judged.Contains(older.Id) || judged.Contains(newer.Id) || older.TreeSize == 0 || newer.TreeSize > treeSize || older.TreeSize > newer.TreeSize)
            {
                continue;
            }

            IReadOnlyList<byte[]>? proof;
            try
            {
                proof = await tree.ConsistencyProofAsync(older.TreeSize, newer.TreeSize, cancellationToken);
            }
            catch (TamperedLogException)
            {
                proof = null;
            }

            if (proof is null || !MerkleVerifier.VerifyConsistency(older.TreeSize, newer.TreeSize, older.RootHash, newer.RootHash, proof))
            {
                findings.Add(new AuditFinding(FindingKind.Tree, newer.TreeSize,
                    $"checkpoint #{newer.Id}: the stored Merkle tree does not prove it extends checkpoint #{older.Id}: merkle_nodes was changed outside Docket, so the proofs it serves would be rejected")
                { CheckpointId = newer.Id, TreeSize = newer.TreeSize });
            }
        }

        return findings;
    }

    private async Task<(long LogSize, long TreeSize)> SnapshotAsync(CancellationToken cancellationToken)
    {
        // One statement, one snapshot: the writer commits events and their leaves together.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.WholeLogRead(connection, null,
            "SELECT (SELECT COALESCE(MAX(position), 0) FROM events), (SELECT COALESCE(MAX(\"index\") + 1, 0) FROM merkle_nodes WHERE level = 0)");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
