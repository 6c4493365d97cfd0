using System.Data.Common;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Store.Cases;
using Docket.Store.Events;
using NodaTime;
using NodaTime.Testing;

namespace Docket.Store.Tests.Infrastructure;

/// <summary>
/// The base of every Store test class. xUnit makes a new instance per test, and each instance
/// gets its own freshly migrated database, so no test sees another's data or depends on order.
/// Each abstract test class has two sealed subclasses: one on SQLite, one on PostgreSQL.
/// </summary>
public abstract class StoreTestBase(StoreKind kind) : IAsyncLifetime
{
    /// <summary>2025-03-01T14:30:15.123Z: the instant every event is recorded at unless a test moves the clock.</summary>
    public static readonly Instant Start = Instant.FromUtc(2025, 3, 1, 14, 30, 15) + Duration.FromMilliseconds(123);

    private readonly List<EventWriter> writers = [];
    private TestDatabase? test;

    protected StoreKind Kind { get; } = kind;

    protected FakeClock Clock { get; } = new(Start);

    protected TestDatabase Test => test ?? throw new InvalidOperationException("The test database is not ready.");

    protected DocketDatabase Db => Test.Database;

    protected EventWriter Writer { get; private set; } = null!;

    protected EventReader Reader { get; private set; } = null!;

    protected CaseLog Cases { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        test = await TestDatabase.CreateMigratedAsync(Kind);
        Writer = NewWriter();
        Reader = new EventReader(Db);
        Cases = NewCaseLog(Writer);
    }

    public async Task DisposeAsync()
    {
        foreach (var writer in writers)
        {
            await writer.DisposeAsync();
        }

        if (test is not null)
        {
            await test.DisposeAsync();
        }
    }

    /// <summary>Another writer on the same database, as a second process would have.</summary>
    protected EventWriter NewWriter()
    {
        var writer = new EventWriter(Db, Clock);
        writers.Add(writer);
        return writer;
    }

    /// <summary>The command side over a writer, judging dates by this test's clock.</summary>
    protected CaseLog NewCaseLog(EventWriter writer) =>
        new(writer, Reader, Domain.Calendar.CourtCalendar.Default, Domain.Calendar.LegalClock.InDefaultZone(Clock));

    protected static CaseOpened Opening(string aNumber, string familyName = "Quillfeather", string givenNames = "Anselm", string citizenship = "GTM") =>
        new(aNumber, familyName, givenNames, new LocalDate(1990, 1, 2), Domain.Countries.CountryCode.Parse(citizenship), "NYC")
        {
            On = new LocalDate(2025, 3, 1),
        };

    protected static MailingAddressChanged Address(string address) =>
        new(address) { On = new LocalDate(2025, 3, 1) }; // the test clock's day: nothing is recorded ahead of it (RECORD-NOT-FUTURE)

    /// <summary>Opens a case through the command side and checks that it opened.</summary>
    protected async Task<ANumber> OpenCaseAsync(string aNumber, string familyName = "Quillfeather", string givenNames = "Anselm", string citizenship = "GTM", CaseLog? cases = null)
    {
        var result = await (cases ?? Cases).OpenAsync(Opening(aNumber, familyName, givenNames, citizenship), "officer-brackwater");
        var opened = Assert.IsType<CaseCommandResult.Opened>(result);
        Assert.Equal(1, opened.Version);
        return opened.ANumber;
    }

    /// <summary>Appends a new mailing address and checks that it was acknowledged at the next version.</summary>
    protected async Task<int> AppendAddressAsync(ANumber aNumber, int expectedVersion, string address, CaseLog? cases = null)
    {
        var result = await (cases ?? Cases).AppendAsync(aNumber, expectedVersion, Address(address), "officer-brackwater");
        var appended = Assert.IsType<CaseCommandResult.Appended>(result);
        Assert.Equal(expectedVersion + 1, appended.Version);
        return appended.Version;
    }

    protected Task<long> ScalarAsync(string sql) => Test.ScalarAsync(sql);

    protected static Task<long> ScalarAsync(DbConnection connection, string sql) => Sql.ScalarAsync(connection, sql);

    protected static Task<int> ExecuteAsync(DbConnection connection, string sql) => Sql.ExecuteAsync(connection, sql);

    /// <summary>Every row of <c>events</c> in position order, read with plain SQL as an auditor would.</summary>
    protected async Task<List<RawEvent>> ReadRawEventsAsync()
    {
        await using var connection = await Db.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, a_number, version, type, effective_on, recorded_at, recorded_by, payload, prev_hash, hash FROM events ORDER BY position";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<RawEvent>();
        while (await reader.ReadAsync())
        {
            rows.Add(new RawEvent(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt32(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetString(7),
                (byte[])reader.GetValue(8),
                (byte[])reader.GetValue(9)));
        }

        return rows;
    }

    protected Task<ChainReport> VerifyChainsAsync() => ChainVerifier.VerifyAsync(Reader.ReadAllAsync());
}

/// <summary>One row of the <c>events</c> table as plain SQL returns it.</summary>
public sealed record RawEvent(
    long Position,
    string ANumber,
    int Version,
    string Type,
    string EffectiveOn,
    string RecordedAt,
    string RecordedBy,
    string Payload,
    byte[] PrevHash,
    byte[] Hash);
