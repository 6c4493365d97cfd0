using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Docket.Cli.Tests.Infrastructure;

namespace Docket.Cli.Tests;

/// <summary>A database filled once by <c>docket demo --cases 40 --seed 7</c>, for the tests that read it.</summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    private TestDatabase? database;

    public TestDatabase Database => database ?? throw new InvalidOperationException("The database is not ready.");

    public string Db => Database.DbArgument;

    public CliRun Demo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        Demo = await Shell.RunAsync("demo", "--cases", "40", "--seed", "7", "--db", Db);
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

/// <summary>
/// <c>docket demo</c>, <c>docket verify</c> and <c>docket export</c> on a demo database. The export
/// is checked against docs/architecture.md: exactly the log's fields, position order, and every hash
/// recomputed here from the line alone, without Docket's own code.
/// </summary>
public sealed partial class DemoExportVerifyTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static readonly string[] ExportFields =
        ["position", "aNumber", "version", "type", "on", "recordedAt", "recordedBy", "payload", "prevHash", "hash"];

    private static readonly string ZeroHash = new('0', 64);

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex LowercaseHexHash();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex RecordedAtForm();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateForm();

    /// <summary>The formula of docs/architecture.md, written out here on purpose rather than calling Docket's EventHash.</summary>
    private static string DesignHash(string prevHashHex, string aNumber, long version, string type, string on, string recordedAt, string recordedBy, string payload)
    {
        var text = aNumber + "\n" + version.ToString(CultureInfo.InvariantCulture) + "\n" + type + "\n" + on + "\n" + recordedAt + "\n" + recordedBy + "\n" + payload;
        byte[] input = [.. Convert.FromHexString(prevHashHex), .. Encoding.UTF8.GetBytes(text)];
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    private async Task<List<JsonElement>> ExportAsync()
    {
        var run = await Shell.RunAsync("export", "--db", demo.Db);
        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        Assert.Empty(run.Stderr);
        Assert.EndsWith("\n", run.Stdout, StringComparison.Ordinal);
        return run.Stdout.TrimEnd('\n').Split('\n').Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        }).ToList();
    }

    [Fact]
    public async Task Demo_adds_exactly_the_40_cases_asked_for()
    {
        Assert.True(demo.Demo.ExitCode == DocketCli.Ok, demo.Demo.ToString());
        Assert.Contains("Added 40 synthetic cases", demo.Demo.Stdout, StringComparison.Ordinal);
        Assert.Equal(40, await demo.Database.ScalarAsync("SELECT COUNT(DISTINCT a_number) FROM events"));
        Assert.Equal(40, await demo.Database.ScalarAsync("SELECT COUNT(*) FROM events WHERE type = 'CaseOpened'"));
        Assert.Equal(40, await demo.Database.ScalarAsync("SELECT COUNT(*) FROM cases"));
    }

    [Fact]
    public async Task Verify_after_demo_exits_0_with_a_line_starting_intact()
    {
        var run = await Shell.RunAsync("verify", "--db", demo.Db);

        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        var events = await demo.Database.ScalarAsync("SELECT COUNT(*) FROM events");
        Assert.Contains(run.StdoutLines, line => line.StartsWith("intact", StringComparison.Ordinal) && line.Contains($"{events} events", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_writes_every_event_as_one_object_a_line_with_exactly_the_log_fields_in_position_order()
    {
        var lines = await ExportAsync();

        Assert.Equal(await demo.Database.ScalarAsync("SELECT COUNT(*) FROM events"), lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            Assert.Equal(JsonValueKind.Object, line.ValueKind);
            Assert.Equal(ExportFields, line.EnumerateObject().Select(p => p.Name));
            Assert.Equal(i + 1, line.GetProperty("position").GetInt64());
            Assert.Matches("^[0-9]{9}$", line.GetProperty("aNumber").GetString());
            Assert.True(line.GetProperty("version").GetInt32() >= 1);
            Assert.False(string.IsNullOrEmpty(line.GetProperty("type").GetString()));
            Assert.Matches(DateForm(), line.GetProperty("on").GetString());
            Assert.Matches(RecordedAtForm(), line.GetProperty("recordedAt").GetString());
            Assert.Equal("demo-generator", line.GetProperty("recordedBy").GetString());
            Assert.Equal(JsonValueKind.String, line.GetProperty("payload").ValueKind);
            using (var payload = JsonDocument.Parse(line.GetProperty("payload").GetString()!))
            {
                Assert.Equal(JsonValueKind.Object, payload.RootElement.ValueKind);
                Assert.False(payload.RootElement.TryGetProperty("type", out _), "type is not part of the payload");
                Assert.False(payload.RootElement.TryGetProperty("on", out _), "on is not part of the payload");
            }

            Assert.Matches(LowercaseHexHash(), line.GetProperty("prevHash").GetString());
            Assert.Matches(LowercaseHexHash(), line.GetProperty("hash").GetString());
        }
    }

    [Fact]
    public async Task Every_exported_hash_recomputes_from_its_line_by_the_design_formula_and_chains_within_its_case()
    {
        var lines = await ExportAsync();
        var heads = new Dictionary<string, (int Version, string Hash)>(StringComparer.Ordinal);

        foreach (var line in lines)
        {
            var aNumber = line.GetProperty("aNumber").GetString()!;
            var version = line.GetProperty("version").GetInt32();
            var prevHash = line.GetProperty("prevHash").GetString()!;
            var expected = DesignHash(
                prevHash,
                aNumber,
                version,
                line.GetProperty("type").GetString()!,
                line.GetProperty("on").GetString()!,
                line.GetProperty("recordedAt").GetString()!,
                line.GetProperty("recordedBy").GetString()!,
                line.GetProperty("payload").GetString()!);
            Assert.True(expected == line.GetProperty("hash").GetString(), $"position {line.GetProperty("position")}: the hash does not recompute");

            var head = heads.TryGetValue(aNumber, out var h) ? h : (Version: 0, Hash: ZeroHash);
            Assert.Equal(head.Version + 1, version);
            Assert.Equal(head.Hash, prevHash);
            heads[aNumber] = (version, expected);
        }

        Assert.Equal(40, heads.Count);
        Assert.Contains(lines, l => l.GetProperty("type").GetString() == "CaseOpened" && l.GetProperty("version").GetInt32() == 1);
        Assert.Contains(lines, l => l.GetProperty("version").GetInt32() > 1);
    }
}
