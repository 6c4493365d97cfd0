using Docket.Cli.Tests.Infrastructure;

namespace Docket.Cli.Tests.Import;

/// <summary>
/// The export of a database filled by <c>docket demo --cases 60 --seed 11</c>, made once per
/// class: the source that the import tests load into empty databases. The database it came
/// from is removed as soon as the export is taken.
/// </summary>
public abstract class DemoExport(DatabaseKind kind) : IAsyncLifetime
{
    public const int Cases = 60;

    public DatabaseKind Kind { get; } = kind;

    /// <summary>What <c>docket export</c> wrote, byte for byte.</summary>
    public string Text { get; private set; } = "";

    public IReadOnlyList<ExportedEvent> Events { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await using var source = await TestDatabase.CreateAsync(Kind);
        var demo = await Shell.RunAsync("demo", "--cases", ImportFiles.Text(Cases), "--seed", "11", "--db", source.DbArgument);
        Assert.True(demo.ExitCode == DocketCli.Ok, demo.ToString());
        Text = await ImportFiles.ExportAsync(source.DbArgument);
        Events = ImportFiles.Read(Text);
        Assert.Equal(Cases, Events.Select(e => e.ANumber).Distinct().Count());
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class DemoExportOnSqlite() : DemoExport(DatabaseKind.Sqlite);

public sealed class DemoExportOnPostgres() : DemoExport(DatabaseKind.Postgres);
