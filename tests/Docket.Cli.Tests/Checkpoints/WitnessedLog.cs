using Docket.Domain.Audit;
using Docket.Domain.Cases;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using Docket.Store;
using Docket.Store.Cases;
using Docket.Store.Events;
using NodaTime;
using NodaTime.Testing;

namespace Docket.Cli.Tests.Checkpoints;

/// <summary>
/// A log of three cases of three events (A at positions 1-3, B at 4-6, C at 7-9) in a fresh
/// database, a private folder for the key and the witness's files, and what an administrator
/// with full database access does to rewrite history.
/// </summary>
public sealed class WitnessedLog : IAsyncDisposable
{
    public const string CaseA = "414100001";
    public const string CaseB = "414100002";
    public const string CaseC = "414100003";

    private readonly string folder = Directory.CreateTempSubdirectory("docket-witness-test-").FullName;

    private WitnessedLog(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public string Db => Database.DbArgument;

    public string KeyPath => Path.Combine(folder, "instance-key.pem");

    public static async Task<WitnessedLog> CreateAsync(DatabaseKind kind)
    {
        var log = new WitnessedLog(await TestDatabase.CreateAsync(kind));
        var db = new DocketDatabase(log.Database.Target);
        await db.MigrateAsync();
        foreach (var digits in new[] { CaseA, CaseB, CaseC })
        {
            await log.AppendAsync(digits, 3);
        }

        return log;
    }

    /// <summary>A path in the private folder (where the witness keeps its files).</summary>
    public string File(string name) => Path.Combine(folder, name);

    /// <summary>Gives case <paramref name="digits"/> events until it has <paramref name="events"/> (opening it if new).</summary>
    public async Task AppendAsync(string digits, int events)
    {
        var db = new DocketDatabase(Database.Target);
        await using var writer = new EventWriter(db, new FakeClock(Instant.FromUtc(2025, 3, 4, 9, 30)));
        var cases = new CaseLog(writer, new EventReader(db), Docket.Domain.Calendar.CourtCalendar.Default, Docket.Domain.Calendar.LegalClock.InDefaultZone(NodaTime.SystemClock.Instance));
        var number = ANumber.Parse(digits);
        var version = (await cases.LoadAsync(number))?.Version ?? 0;
        if (version == 0)
        {
            var opening = new CaseOpened(digits, "Quillfeather", "Anselm", new LocalDate(1990, 1, 2), CountryCode.Parse("GTM"), "NYC") { On = new LocalDate(2025, 3, 1) };
            Assert.IsType<CaseCommandResult.Opened>(await cases.OpenAsync(opening, "officer-brackwater"));
            version = 1;
        }

        for (; version < events; version++)
        {
            var moved = new MailingAddressChanged($"{version} Ledger Lane, Springfield") { On = new LocalDate(2025, 3, 1 + version) };
            Assert.IsType<CaseCommandResult.Appended>(await cases.AppendAsync(number, version, moved, "officer-brackwater"));
        }
    }

    /// <summary>Runs SQL with every append-only trigger (events and checkpoints) switched off.</summary>
    public Task TamperAsync(string sql) => Database.ExecuteAsync(
        (Database.Kind == DatabaseKind.Postgres
            ? "ALTER TABLE events DISABLE TRIGGER USER; ALTER TABLE checkpoints DISABLE TRIGGER USER;"
            : "DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete; "
              + "DROP TRIGGER IF EXISTS checkpoints_append_only_update; DROP TRIGGER IF EXISTS checkpoints_append_only_delete;")
        + "\n" + sql);

    /// <summary>Gives a case a fresh, valid hash chain over its rows as they now are.</summary>
    public async Task RechainAsync(string digits)
    {
        await using var connection = await Database.OpenConnectionAsync();
        var rows = new List<EventRow>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT position, a_number, version, type, effective_on, recorded_at, recorded_by, payload FROM events WHERE a_number = '{digits}' ORDER BY version";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(new EventRow
                {
                    Position = reader.GetInt64(0), ANumber = reader.GetString(1), Version = reader.GetInt32(2), Type = reader.GetString(3),
                    EffectiveOn = reader.GetString(4), RecordedAt = reader.GetString(5), RecordedBy = reader.GetString(6), Payload = reader.GetString(7),
                    PrevHash = [], Hash = [],
                });
            }
        }

        var prev = new byte[32];
        foreach (var row in rows)
        {
            row.PrevHash = prev;
            row.Hash = EventHash.Compute(row);
            await using var update = connection.CreateCommand();
            update.CommandText = $"UPDATE events SET prev_hash = {Bytes(row.PrevHash)}, hash = {Bytes(row.Hash)} WHERE position = {row.Position}";
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
            prev = row.Hash;
        }
    }

    /// <summary>Throws the stored Merkle tree away and builds a new one over the events as they now are.</summary>
    public async Task RebuildTreeAsync()
    {
        await using var connection = await Database.OpenConnectionAsync();
        var hashes = new List<byte[]>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT hash FROM events ORDER BY position";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                hashes.Add((byte[])reader.GetValue(0));
            }
        }

        var frontier = new MerkleFrontier();
        var nodes = new List<MerkleNode>();
        foreach (var hash in hashes)
        {
            frontier.Append(MerkleHash.Leaf(hash), nodes);
        }

        var values = string.Join(",", nodes.Select(n => $"({n.Id.Level}, {n.Id.Index}, {Bytes(n.Hash)})"));
        await Database.ExecuteAsync($"DELETE FROM merkle_nodes; INSERT INTO merkle_nodes (level, \"index\", hash) VALUES {values};");
    }

    public string Bytes(byte[] value) => Database.Kind == DatabaseKind.Postgres
        ? $"'\\x{Convert.ToHexString(value)}'::bytea"
        : $"X'{Convert.ToHexString(value)}'";

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
