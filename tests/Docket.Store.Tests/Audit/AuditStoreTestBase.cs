using System.Data.Common;
using Docket.Domain.Audit;
using Docket.Domain.Cases;
using Docket.Store.Audit;
using Docket.Store.Events;
using Docket.Store.Tests.Infrastructure;

namespace Docket.Store.Tests.Audit;

/// <summary>
/// Store tests of checkpoints and the tree, on a real database: a signing key in a private temp
/// folder, three cases of three events written one case after another (case A at positions 1-3,
/// B at 4-6, C at 7-9), and the tools an administrator with full access would use to tamper.
/// </summary>
public abstract class AuditStoreTestBase(StoreKind kind) : StoreTestBase(kind), IDisposable
{
    public const string CaseA = "313100001";
    public const string CaseB = "313100002";
    public const string CaseC = "313100003";

    private readonly string folder = Directory.CreateTempSubdirectory("docket-audit-test-").FullName;
    private readonly List<CheckpointIssuer> issuers = [];

    protected string KeyPath => Path.Combine(folder, "checkpoint-key.pem");

    public void Dispose()
    {
        foreach (var issuer in issuers)
        {
            issuer.Dispose();
        }

        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected async Task<CheckpointIssuer> IssuerAsync(string? keyPath = null)
    {
        var issuer = await CheckpointIssuer.OpenAsync(Db, keyPath ?? KeyPath, Clock);
        issuers.Add(issuer);
        return issuer;
    }

    protected async Task<CheckpointRow> IssueAsync()
    {
        var (checkpoint, issued) = await (await IssuerAsync()).IssueAsync(onlyIfGrown: false);
        Assert.True(issued);
        return checkpoint;
    }

    /// <summary>Opens <paramref name="aNumber"/> and gives it <paramref name="events"/> events in all.</summary>
    protected async Task WriteCaseAsync(string aNumber, int events = 3)
    {
        var number = await OpenCaseAsync(aNumber);
        for (var version = 1; version < events; version++)
        {
            await AppendAddressAsync(number, version, $"{version} Ledger Lane, Springfield");
        }
    }

    /// <summary>Cases A and B, a checkpoint over 6 events, case C, a checkpoint over 9.</summary>
    protected async Task<(CheckpointRow Six, CheckpointRow Nine)> WriteThreeCasesWithTwoCheckpointsAsync()
    {
        await WriteCaseAsync(CaseA);
        await WriteCaseAsync(CaseB);
        var six = await IssueAsync();
        await WriteCaseAsync(CaseC);
        var nine = await IssueAsync();
        Assert.Equal((6L, 9L), (six.TreeSize, nine.TreeSize));
        var before = await VerifyAsync();
        Assert.True(before.Intact, string.Join("\n", before.Findings));
        return (six, nine);
    }

    /// <summary>Verifies with the public key read from the key file, as <c>docket verify</c> does.</summary>
    protected async Task<AuditReport> VerifyAsync(WitnessCheckpoint? witness = null)
    {
        using var key = CheckpointKeyFile.LoadPublic(KeyPath);
        return await new AuditVerifier(Db).VerifyAsync(key, witness);
    }

    /// <summary>Runs SQL the way an administrator who switched off every append-only trigger would.</summary>
    protected async Task TamperAsync(params string[] statements)
    {
        await using var connection = await Db.OpenConnectionAsync();
        await ExecuteAsync(connection, Kind == StoreKind.Postgres
            ? "ALTER TABLE events DISABLE TRIGGER USER; ALTER TABLE checkpoints DISABLE TRIGGER USER;"
            : "DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete; "
              + "DROP TRIGGER IF EXISTS checkpoints_append_only_update; DROP TRIGGER IF EXISTS checkpoints_append_only_delete;");
        foreach (var sql in statements)
        {
            await ExecuteAsync(connection, sql);
        }
    }

    /// <summary>Recomputes a case's whole hash chain from its rows as they now are: a fresh, valid chain.</summary>
    protected async Task RechainAsync(string aNumber)
    {
        var rows = (await ReadRawEventsAsync()).Where(r => r.ANumber == aNumber).OrderBy(r => r.Version).ToList();
        var prev = new byte[32];
        await using var connection = await Db.OpenConnectionAsync();
        foreach (var row in rows)
        {
            var hash = EventHash.Compute(prev, row.ANumber, row.Version, row.Type, row.EffectiveOn, row.RecordedAt, row.RecordedBy, row.Payload);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE events SET prev_hash = @p, hash = @h WHERE position = @pos";
            Add(command, "@p", prev);
            Add(command, "@h", hash);
            Add(command, "@pos", row.Position);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
            prev = hash;
        }
    }

    /// <summary>Throws the stored tree away and builds it again from the events as they now are.</summary>
    protected async Task RebuildTreeAsync()
    {
        var leaves = (await ReadRawEventsAsync()).Select(r => MerkleHash.Leaf(r.Hash));
        var nodes = ReferenceMerkle.AllNodes(leaves);
        await using var connection = await Db.OpenConnectionAsync();
        await ExecuteAsync(connection, "DELETE FROM merkle_nodes");
        foreach (var (id, hash) in nodes)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO merkle_nodes (level, \"index\", hash) VALUES (@l, @i, @h)";
            Add(command, "@l", id.Level);
            Add(command, "@i", id.Index);
            Add(command, "@h", hash);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Every stored node, as (level, index) to hash.</summary>
    protected async Task<Dictionary<MerkleNodeId, byte[]>> ReadNodesAsync()
    {
        await using var connection = await Db.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT level, \"index\", hash FROM merkle_nodes";
        await using var reader = await command.ExecuteReaderAsync();
        var nodes = new Dictionary<MerkleNodeId, byte[]>();
        while (await reader.ReadAsync())
        {
            nodes.Add(new MerkleNodeId(reader.GetInt32(0), reader.GetInt64(1)), (byte[])reader.GetValue(2));
        }

        return nodes;
    }

    protected async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = await Db.OpenConnectionAsync();
        await ExecuteAsync(connection, sql);
    }

    protected static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    protected static ANumber Number(string digits) => ANumber.Parse(digits);
}
