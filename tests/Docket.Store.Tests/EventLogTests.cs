using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Store.Tests.Infrastructure;
using NodaTime;

namespace Docket.Store.Tests;

/// <summary>The event log: its rows, its hash chain, and optimistic concurrency under load.</summary>
public abstract class EventLogTests(StoreKind kind) : StoreTestBase(kind)
{
    /// <summary>The formula of docs/architecture.md, written out here on purpose rather than calling EventHash.</summary>
    private static byte[] DesignHash(byte[] prevHash, string aNumber, int version, string type, string on, string recordedAt, string recordedBy, string payload)
    {
        var text = aNumber + "\n" + version + "\n" + type + "\n" + on + "\n" + recordedAt + "\n" + recordedBy + "\n" + payload;
        return SHA256.HashData([.. prevHash, .. Encoding.UTF8.GetBytes(text)]);
    }

    private static byte[] DesignHash(byte[] prevHash, RawEvent row) =>
        DesignHash(prevHash, row.ANumber, row.Version, row.Type, row.EffectiveOn, row.RecordedAt, row.RecordedBy, row.Payload);

    [Fact]
    public async Task Opening_a_case_writes_version_1_chained_from_32_zero_bytes_with_a_hash_recomputable_from_the_row()
    {
        var result = await Cases.OpenAsync(Opening("A012-345-678", "Quillfeather", "Anselm", "GTM"), "officer-brackwater");

        var opened = Assert.IsType<CaseCommandResult.Opened>(result);
        Assert.Equal("012345678", opened.ANumber.Digits);
        Assert.Equal(1, opened.Version);
        Assert.False(string.IsNullOrWhiteSpace(opened.AccessCode));

        var row = Assert.Single(await ReadRawEventsAsync());
        Assert.Equal(1, row.Position);
        Assert.Equal("012345678", row.ANumber);
        Assert.Equal(1, row.Version);
        Assert.Equal("CaseOpened", row.Type);
        Assert.Equal("2025-03-01", row.EffectiveOn);
        Assert.Equal("2025-03-01T14:30:15.123Z", row.RecordedAt);
        Assert.Equal("officer-brackwater", row.RecordedBy);
        Assert.Equal(new byte[32], row.PrevHash);

        // The payload holds the fields other than type and on, with the A-number normalised.
        using (var payload = JsonDocument.Parse(row.Payload))
        {
            var fields = payload.RootElement;
            Assert.Equal("012345678", fields.GetProperty("aNumber").GetString());
            Assert.Equal("Quillfeather", fields.GetProperty("familyName").GetString());
            Assert.Equal("Anselm", fields.GetProperty("givenNames").GetString());
            Assert.Equal("1990-01-02", fields.GetProperty("dateOfBirth").GetString());
            Assert.Equal("GTM", fields.GetProperty("citizenship").GetString());
            Assert.Equal("NYC", fields.GetProperty("office").GetString());
            Assert.False(fields.TryGetProperty("type", out _));
            Assert.False(fields.TryGetProperty("on", out _));
        }

        var expected = DesignHash(new byte[32], "012345678", 1, "CaseOpened", "2025-03-01", "2025-03-01T14:30:15.123Z", "officer-brackwater", row.Payload);
        Assert.Equal(32, row.Hash.Length);
        Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(row.Hash));

        // The summary projection was written in the same transaction.
        Assert.Equal(1, await ScalarAsync("SELECT version FROM cases WHERE a_number = '012345678'"));
    }

    [Fact]
    public async Task Each_later_event_chains_from_the_hash_of_the_event_before_it_in_its_case()
    {
        var quill = await OpenCaseAsync("012345678");
        var marrow = await OpenCaseAsync("098765432", "Marrowbine", "Odalys", "MEX");
        Clock.AdvanceMilliseconds(1_250);
        await AppendAddressAsync(quill, 1, "14 Larkspur Row, Fernhollow");
        await AppendAddressAsync(marrow, 1, "3 Cinderwick Lane, Oakmere");
        var served = await Cases.AppendAsync(quill, 2, new NoticeToAppearServed(ServiceMethod.Personal) { On = new LocalDate(2025, 3, 1) }, "officer-brackwater");
        Assert.Equal(3, Assert.IsType<CaseCommandResult.Appended>(served).Version);

        var rows = await ReadRawEventsAsync();
        Assert.Equal([1L, 2, 3, 4, 5], rows.Select(r => r.Position));
        var heads = new Dictionary<string, byte[]>();
        foreach (var row in rows)
        {
            var prev = heads.TryGetValue(row.ANumber, out var h) ? h : new byte[32];
            Assert.Equal(prev, row.PrevHash);
            Assert.Equal(DesignHash(prev, row), row.Hash);
            heads[row.ANumber] = row.Hash;
        }

        Assert.Equal(["012345678", "098765432", "012345678", "098765432", "012345678"], rows.Select(r => r.ANumber));
        Assert.Equal([1, 1, 2, 2, 3], rows.Select(r => r.Version));
        Assert.Equal("2025-03-01T14:30:16.373Z", rows[4].RecordedAt);
        Assert.Equal("NoticeToAppearServed", rows[4].Type);
        Assert.True((await VerifyChainsAsync()).Intact);
    }

    [Fact]
    public async Task Appending_with_a_stale_expected_version_is_a_conflict_and_writes_nothing()
    {
        var quill = await OpenCaseAsync("012345678");
        await AppendAddressAsync(quill, 1, "14 Larkspur Row, Fernhollow");
        var before = await ReadRawEventsAsync();

        var throughCaseLog = await Cases.AppendAsync(quill, 1, Address("9 Thornbury Court, Eastwold"), "officer-brackwater");
        var conflict = Assert.IsType<CaseCommandResult.Conflict>(throughCaseLog);
        Assert.Equal(2, conflict.ActualVersion);

        // The writer's own check, for a caller that skips the CaseLog's early one.
        var pending = CaseLog.ToPending(Address("9 Thornbury Court, Eastwold"));
        var throughWriter = await Writer.AppendAsync(new AppendRequest(quill.Digits, 1, [pending], "officer-brackwater", null));
        Assert.Equal(2, Assert.IsType<AppendResult.Conflict>(throughWriter).ActualVersion);

        var ahead = await Writer.AppendAsync(new AppendRequest(quill.Digits, 5, [pending], "officer-brackwater", null));
        Assert.Equal(2, Assert.IsType<AppendResult.Conflict>(ahead).ActualVersion);

        var after = await ReadRawEventsAsync();
        Assert.Equal(before.Select(r => (r.Position, r.Version, Convert.ToHexStringLower(r.Hash))), after.Select(r => (r.Position, r.Version, Convert.ToHexStringLower(r.Hash))));
        Assert.Equal(2, await ScalarAsync("SELECT version FROM cases WHERE a_number = '012345678'"));
    }

    [Fact]
    public async Task Opening_a_case_that_is_already_open_is_a_conflict_and_writes_nothing()
    {
        await OpenCaseAsync("012345678");

        var again = await Cases.OpenAsync(Opening("012345678", "Pennywhistle", "Brannock", "MEX"), "officer-brackwater");

        Assert.Equal(1, Assert.IsType<CaseCommandResult.Conflict>(again).ActualVersion);
        var row = Assert.Single(await ReadRawEventsAsync());
        Assert.Contains("Quillfeather", row.Payload, StringComparison.Ordinal);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM cases WHERE family_name = 'Quillfeather'"));
    }

    [Fact]
    public async Task Sixteen_concurrent_appenders_to_one_case_keep_versions_gap_free_and_every_loser_gets_a_conflict()
    {
        const int appenders = 16;
        const int wantedEach = 3;
        const int maxAttempts = 60;
        var quill = await OpenCaseAsync("012345678");

        var allRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var readers = 0;
        var acknowledged = new ConcurrentBag<(int Version, string Address)>();
        var firstRound = new ConcurrentBag<CaseCommandResult>();
        var conflicts = 0;
        var attempts = 0;

        async Task AppendLoopAsync(int appender)
        {
            var mine = 0;
            for (var attempt = 0; attempt < maxAttempts && mine < wantedEach; attempt++)
            {
                var state = await Cases.LoadAsync(quill) ?? throw new InvalidOperationException("the case vanished");
                if (attempt == 0)
                {
                    // Round one: everyone has read version 1 before anyone appends, so exactly
                    // one append can win it.
                    if (Interlocked.Increment(ref readers) == appenders)
                    {
                        allRead.SetResult();
                    }

                    await allRead.Task;
                }

                var address = $"{appender} Hollowmere Street, attempt {attempt}";
                Interlocked.Increment(ref attempts);
                var result = await Cases.AppendAsync(quill, state.Version, Address(address), $"officer-{appender}");
                if (attempt == 0)
                {
                    firstRound.Add(result);
                }

                switch (result)
                {
                    case CaseCommandResult.Appended appended:
                        acknowledged.Add((appended.Version, address));
                        mine++;
                        break;
                    case CaseCommandResult.Conflict conflict:
                        Assert.True(conflict.ActualVersion > state.Version, $"a conflict must report a newer version than {state.Version}, got {conflict.ActualVersion}");
                        Interlocked.Increment(ref conflicts);
                        break;
                    default:
                        throw new InvalidOperationException($"unexpected result {result}");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(1, appenders).Select(i => Task.Run(() => AppendLoopAsync(i))));

        // Round one: one winner at version 2, fifteen conflicts.
        Assert.Equal(appenders, firstRound.Count);
        Assert.Equal(2, Assert.Single(firstRound.OfType<CaseCommandResult.Appended>()).Version);
        Assert.Equal(appenders - 1, firstRound.OfType<CaseCommandResult.Conflict>().Count());

        // Every attempt was either acknowledged or told it lost: nothing else, nothing lost.
        Assert.Equal(attempts, acknowledged.Count + conflicts);
        Assert.True(acknowledged.Count >= wantedEach, $"only {acknowledged.Count} appends were acknowledged");

        // Versions are exactly 1..N, and the stream holds exactly the acknowledged appends.
        var stream = await Reader.ReadStreamAsync(quill.Digits);
        Assert.Equal(Enumerable.Range(1, acknowledged.Count + 1), stream.Select(r => r.Version));
        var written = EventReader.ToDomain(stream.Skip(1)).Cast<MailingAddressChanged>().Select((e, i) => (Version: i + 2, e.Address));
        Assert.Equal(acknowledged.OrderBy(a => a.Version), written);

        // Positions are exactly 1..M across the whole log, and every chain recomputes.
        var rows = await ReadRawEventsAsync();
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(p => (long)p), rows.Select(r => r.Position));
        var report = await VerifyChainsAsync();
        Assert.True(report.Intact, report.FirstBad?.ToString());
        Assert.Equal(rows.Count, report.EventsChecked);
        Assert.Equal(acknowledged.Count + 1, await ScalarAsync("SELECT version FROM cases WHERE a_number = '012345678'"));
    }

    [Fact]
    public async Task Concurrent_appends_to_many_cases_from_two_writers_keep_positions_gap_free_and_in_commit_order()
    {
        const int caseCount = 24;
        const int appendsEach = 4;
        var second = NewCaseLog(NewWriter());
        var finished = 0;
        var snapshots = 0;
        var gaps = new ConcurrentQueue<string>();

        // A watcher reads the log while it grows: a later position committing before an
        // earlier one would show up as a snapshot whose count is below its highest position.
        var watcher = Task.Run(async () =>
        {
            await using var connection = await Db.OpenConnectionAsync();
            while (Volatile.Read(ref finished) == 0)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*), COALESCE(MAX(position), 0), COALESCE(MIN(position), 1) FROM events";
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                var (count, max, min) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
                if (count != max || min != 1)
                {
                    gaps.Enqueue($"saw {count} events with positions {min}..{max}");
                }

                snapshots++;
                await Task.Delay(1);
            }
        });

        async Task RunCaseAsync(int i)
        {
            var cases = i % 2 == 0 ? Cases : second;
            var aNumber = ANumber.Parse((200_000_000 + (i * 7_919)).ToString("D9", System.Globalization.CultureInfo.InvariantCulture));
            await OpenCaseAsync(aNumber.Digits, "Thistlewood", $"Corvin {i}", i % 3 == 0 ? "MEX" : "GTM", cases);
            for (var v = 1; v <= appendsEach; v++)
            {
                await AppendAddressAsync(aNumber, v, $"{i}-{v} Saltmarsh Road", cases);
            }
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(0, caseCount).Select(i => Task.Run(() => RunCaseAsync(i))));
        }
        finally
        {
            Volatile.Write(ref finished, 1);
            await watcher;
        }

        Assert.Empty(gaps);
        Assert.True(snapshots > 0);

        var rows = await ReadRawEventsAsync();
        var total = caseCount * (appendsEach + 1);
        Assert.Equal(Enumerable.Range(1, total).Select(p => (long)p), rows.Select(r => r.Position));
        foreach (var stream in rows.GroupBy(r => r.ANumber))
        {
            // Within a case, later versions got later positions.
            Assert.Equal(Enumerable.Range(1, appendsEach + 1), stream.Select(r => r.Version));
        }

        Assert.Equal(caseCount, rows.Select(r => r.ANumber).Distinct().Count());
        var report = await VerifyChainsAsync();
        Assert.True(report.Intact, report.FirstBad?.ToString());
        Assert.Equal(total, report.EventsChecked);
        Assert.Equal(caseCount, report.CasesChecked);
    }

    [Fact]
    public async Task The_writer_acknowledges_each_batch_with_the_positions_it_committed()
    {
        var quill = await OpenCaseAsync("012345678");
        var events = new[] { Address("1 Brindle Walk"), Address("2 Brindle Walk"), Address("3 Brindle Walk") }.Select(CaseLog.ToPending).ToList();

        var result = await Writer.AppendAsync(new AppendRequest(quill.Digits, 1, events, "officer-brackwater", null));

        var appended = Assert.IsType<AppendResult.Appended>(result);
        Assert.Equal(4, appended.Version);
        Assert.Equal(4, appended.LastPosition);
        Assert.Equal([2L, 3, 4], appended.Rows.Select(r => r.Position));
        var rows = await ReadRawEventsAsync();
        Assert.Equal(appended.Rows.Select(r => Convert.ToHexStringLower(r.Hash)), rows.Skip(1).Select(r => Convert.ToHexStringLower(r.Hash)));
    }
}

public sealed class EventLogTestsOnSqlite() : EventLogTests(StoreKind.Sqlite);

public sealed class EventLogTestsOnPostgres() : EventLogTests(StoreKind.Postgres);
