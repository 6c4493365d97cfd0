using Docket.Store.Access;
using Docket.Store.Tests.Infrastructure;

namespace Docket.Store.Tests.Access;

/// <summary>
/// The access log's writer: entries arrive concurrently, are written in batches outside EF Core
/// (COPY on PostgreSQL, prepared inserts on SQLite), and every field comes back as it was given,
/// including the empty office of an auditor and the reason of a break-glass read.
/// </summary>
public abstract class AccessLogWriterTests(StoreKind kind) : StoreTestBase(kind)
{
    [Fact]
    public async Task Concurrent_reads_are_each_logged_once_with_every_field_as_given()
    {
        await using var log = new AccessLog(Db, Clock);
        var reads = Enumerable.Range(0, 300).Select(i => new AccessLogRow
        {
            At = "",
            UserName = i % 3 == 0 ? "aud-tamsin" : "off-brin",
            Role = i % 3 == 0 ? "auditor" : "officer",
            Office = i % 3 == 0 ? null : "NYC",
            ANumber = $"{200000000 + i}",
            Purpose = i % 2 == 0 ? "case" : "deadlines",
            BreakGlass = i % 3 == 0,
            Reason = i % 3 == 0 ? $"Court order {i}, ünïcödé" : null,
            Outcome = i % 5 == 0 ? "refused" : "allowed",
        }).ToList();

        await Task.WhenAll(reads.Select(r => Task.Run(() => log.RecordAsync(r))));

        var stored = await log.QueryAsync(new AccessLogQuery(Limit: 1000));
        Assert.Equal(300, stored.Count);
        Assert.Equal(300, stored.Select(s => s.Id).Distinct().Count());
        foreach (var given in reads)
        {
            var back = Assert.Single(stored, s => s.ANumber == given.ANumber);
            Assert.Equal((given.At, given.UserName, given.Role, given.Office, given.Purpose, given.BreakGlass, given.Reason, given.Outcome),
                (back.At, back.UserName, back.Role, back.Office, back.Purpose, back.BreakGlass, back.Reason, back.Outcome));
        }
    }

    [Fact]
    public async Task A_listed_page_is_logged_one_entry_per_case_in_its_order_at_one_instant()
    {
        await using var log = new AccessLog(Db, Clock);
        static AccessLogRow Listed(int list, int i) => new()
        {
            At = "",
            UserName = $"off-list-{list}",
            Role = "officer",
            Office = "NYC",
            ANumber = $"{300000000 + (list * 100) + i}",
            Purpose = "caseload-hearings",
            Outcome = "allowed",
        };

        // Twenty lists of 25 (more than one writer batch of 512 in all) arrive at once.
        var lists = Enumerable.Range(0, 20).Select(list => Enumerable.Range(0, 25).Select(i => Listed(list, i)).ToList()).ToList();
        await Task.WhenAll(lists.Select(list => Task.Run(() => log.RecordAllAsync(list))));
        await log.RecordAllAsync([]);

        var stored = await log.QueryAsync(new AccessLogQuery(Limit: 1000));
        Assert.Equal(500, stored.Count);
        foreach (var list in lists)
        {
            var back = stored.Where(s => s.UserName == list[0].UserName).OrderBy(s => s.Id).ToList();
            Assert.Equal(list.Select(r => r.ANumber), back.Select(b => b.ANumber));
            Assert.Single(back.Select(b => b.At).Distinct());
            Assert.NotEqual("", back[0].At);
        }
    }

    [Fact]
    public async Task An_entry_the_database_refuses_fails_its_read_and_the_log_goes_on()
    {
        await using var log = new AccessLog(Db, Clock);
        var tooLong = new AccessLogRow { At = "", UserName = "off-brin", Role = "officer", ANumber = "2000000001", Purpose = "case", Outcome = "allowed" };

        // SQLite does not enforce lengths; the A-number's length is checked on PostgreSQL only.
        if (Kind == StoreKind.Postgres)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => log.RecordAsync(tooLong));
        }

        await log.RecordAsync(new AccessLogRow { At = "", UserName = "off-brin", Role = "officer", ANumber = "200000002", Purpose = "case", Outcome = "allowed" });
        Assert.Contains(await log.QueryAsync(new AccessLogQuery(ANumber: "200000002")), r => r.UserName == "off-brin");
    }
}

public sealed class AccessLogWriterTestsOnSqlite() : AccessLogWriterTests(StoreKind.Sqlite);

public sealed class AccessLogWriterTestsOnPostgres() : AccessLogWriterTests(StoreKind.Postgres);
