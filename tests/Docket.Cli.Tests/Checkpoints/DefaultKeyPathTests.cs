using Docket.Cli.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Docket.Cli.Tests.Checkpoints;

/// <summary>Without <c>--key</c> the key lives next to the SQLite file, and export and verify both find it there.</summary>
public sealed class DefaultKeyPathTests : IAsyncLifetime
{
    private WitnessedLog log = null!;

    private string DefaultKey => new SqliteConnectionStringBuilder(log.Database.Target.ConnectionString).DataSource + ".checkpoint-key.pem";

    public async Task InitializeAsync() => log = await WitnessedLog.CreateAsync(DatabaseKind.Sqlite);

    public async Task DisposeAsync()
    {
        File.Delete(DefaultKey);
        await log.DisposeAsync();
    }

    [Fact]
    public async Task Export_creates_the_key_beside_the_database_and_verify_uses_it()
    {
        var export = await Shell.RunAsync("checkpoint", "export", "--db", log.Db);
        Assert.True(export.ExitCode == DocketCli.Ok, export.ToString());
        Assert.True(File.Exists(DefaultKey));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DefaultKey));
        }

        var head = log.File("head.json");
        await File.WriteAllTextAsync(head, export.Stdout);

        var verify = await Shell.RunAsync("verify", "--db", log.Db, "--checkpoint", head);

        Assert.True(verify.ExitCode == DocketCli.Ok, verify.ToString());
        Assert.StartsWith("intact: 9 events in 3 cases", verify.StdoutLines[^1], StringComparison.Ordinal);
        Assert.Contains("1 checkpoint verified", verify.StdoutLines[^1], StringComparison.Ordinal);
    }
}
