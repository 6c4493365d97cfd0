using System.Data.Common;
using System.Security.Cryptography;
using Docket.Domain.Audit;
using Docket.Store.Events;
using NodaTime;

namespace Docket.Store.Audit;

/// <summary>
/// Issues signed checkpoints over the whole log. It holds the private key, and opens only with
/// the key that signed the checkpoints already in the database. A checkpoint is issued under the
/// writer's lock, over exactly the events whose tree nodes exist, and only after checking that the
/// new tree extends the last signed one: Docket never signs a history that was rewritten.
/// </summary>
public sealed class CheckpointIssuer : IDisposable
{
    private readonly DocketDatabase database;
    private readonly ECDsa key;
    private readonly IClock clock;

    private CheckpointIssuer(DocketDatabase database, ECDsa key, IClock clock, string keyPath)
    {
        this.database = database;
        this.key = key;
        this.clock = clock;
        KeyPath = keyPath;
    }

    public string KeyPath { get; }

    /// <summary>The key that checks this instance's signatures (the public half of the signing key).</summary>
    public ECDsa PublicKey => key;

    public string PublicKeyPem => CheckpointKeyFile.PublicPem(key);

    /// <summary>Loads (or, on a log with no checkpoints yet, creates) the key and checks it signed the latest checkpoint.</summary>
    public static async Task<CheckpointIssuer> OpenAsync(DocketDatabase database, string keyPath, IClock clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var checkpoints = new CheckpointStore(database);
        var key = CheckpointKeyFile.LoadOrCreate(keyPath, await checkpoints.CountAsync(cancellationToken));
        if (await checkpoints.LatestAsync(cancellationToken) is { } latest && !latest.ToSigned().IsSignedBy(key))
        {
            key.Dispose();
            throw new CheckpointKeyException(
                $"The key in {keyPath} did not sign checkpoint #{latest.Id} (tree size {latest.TreeSize}): either this is not the key that signed this log, "
                + "or the checkpoint was altered. Restore the right key file, and run `docket verify`.");
        }

        return new CheckpointIssuer(database, key, clock, keyPath);
    }

    /// <summary>
    /// Signs the tree over every event now in the log. With <paramref name="onlyIfGrown"/> the
    /// latest checkpoint is returned instead when it already covers every event.
    /// </summary>
    public async Task<(CheckpointRow Checkpoint, bool Issued)> IssueAsync(bool onlyIfGrown, CancellationToken cancellationToken = default)
    {
        CheckpointKeyFile.RequireUnchanged(KeyPath, key);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var turn = await database.TakeWriteTurnAsync(cancellationToken);
        await using var transaction = await Sql.BeginWriteAsync(database, connection, cancellationToken);
        var logSize = await Sql.LongAsync(connection, transaction, "SELECT COALESCE(MAX(position), 0) FROM events", cancellationToken);

        // Brings the tree up to the log (only a log written before the tree existed lacks nodes).
        await MerkleNodeWriter.ExtendAsync(connection, transaction, logSize, [], cancellationToken);
        var latest = await LatestAsync(connection, transaction, cancellationToken);
        if (latest is not null && latest.TreeSize > logSize)
        {
            throw new TamperedLogException(
                $"Checkpoint #{latest.Id} covers {latest.TreeSize} events but the log holds only {logSize}: events were removed. Nothing was signed; run `docket verify`.");
        }

        if (onlyIfGrown && latest is not null && latest.TreeSize == logSize)
        {
            return (latest, false);
        }

        var frontier = await MerkleNodeWriter.LoadFrontierAsync(connection, transaction, logSize, cancellationToken);
        var root = frontier.Root();
        if (latest is not null)
        {
            await RequireExtensionAsync(connection, transaction, latest, logSize, root, cancellationToken);
        }

        var signed = SignedCheckpoint.Sign(key, logSize, root, EventWriter.FormatRecordedAt(clock.GetCurrentInstant()));
        var row = new CheckpointRow { TreeSize = signed.TreeSize, RootHash = signed.RootHash, IssuedAt = signed.IssuedAt, Signature = signed.Signature };
        await using (var insert = Sql.Command(connection, transaction, "INSERT INTO checkpoints (tree_size, root_hash, issued_at, signature) VALUES (@s, @r, @i, @g) RETURNING id"))
        {
            Sql.Add(insert, "@s", row.TreeSize);
            Sql.Add(insert, "@r", row.RootHash);
            Sql.Add(insert, "@i", row.IssuedAt);
            Sql.Add(insert, "@g", row.Signature);
            row.Id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        await transaction.CommitAsync(cancellationToken);
        return (row, true);
    }

    public void Dispose() => key.Dispose();

    // The same check a witness makes: the old signed root, a consistency proof, the new root.
    private static async Task RequireExtensionAsync(DbConnection connection, DbTransaction transaction, CheckpointRow latest, long size, byte[] root, CancellationToken cancellationToken)
    {
        IReadOnlyList<byte[]> proof = [];
        if (latest.TreeSize > 0)
        {
            var path = MerkleProofs.ConsistencyPath(latest.TreeSize, size);
            var nodes = await MerkleNodeReader.ReadAsync(connection, transaction, [.. MerkleProofs.NodesFor(path)], cancellationToken);
            proof = MerkleProofs.Resolve(path, id => nodes[id]);
        }

        if (!MerkleVerifier.VerifyConsistency(latest.TreeSize, size, latest.RootHash, root, proof))
        {
            throw new TamperedLogException(
                $"The log is no longer an extension of checkpoint #{latest.Id} (tree size {latest.TreeSize}): history was rewritten. Nothing was signed; run `docket verify`.");
        }
    }

    private static async Task<CheckpointRow?> LatestAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, "SELECT id, tree_size, root_hash, issued_at, signature FROM checkpoints ORDER BY id DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new CheckpointRow { Id = reader.GetInt64(0), TreeSize = reader.GetInt64(1), RootHash = (byte[])reader.GetValue(2), IssuedAt = reader.GetString(3), Signature = reader.GetString(4) }
            : null;
    }
}
