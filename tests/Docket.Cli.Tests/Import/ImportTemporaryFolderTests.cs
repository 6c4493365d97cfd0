
namespace Docket.Cli.Tests.Import;

/// <summary>
/// An import spools checked lines in the temporary folder; when it cannot, it says so in one line
/// naming the folder and what to do, exits 2, and writes nothing.
/// </summary>
public sealed class ImportTemporaryFolderTests : IAsyncLifetime
{
    private readonly TempFolder files = new();
    private TestDatabase target = null!;

    public async Task InitializeAsync() => target = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);

    public async Task DisposeAsync()
    {
        files.Delete();
        if (target is not null)
        {
            await target.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_temporary_folder_that_cannot_be_used_is_named_in_one_line_and_nothing_is_written()
    {
        var path = files.Write("one.ndjson", ImportFiles.Ndjson(
        [
            """{"aNumber":"212345678","type":"CaseOpened","on":"2024-02-01","familyName":"Quillfeather","givenNames":"Anselm","dateOfBirth":"1990-01-02","citizenship":"GTM","office":"NYC"}""",
        ]));
        var missing = Path.Combine(files.Path, "no-such-folder");

        var run = await ChildDocket.RunToEndAsync(ChildDocket.Start(missing, "import", path, "--db", target.DbArgument));

        Assert.Equal(DocketCli.Failed, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"docket: cannot make the import's temporary folder in {missing}/", line, StringComparison.Ordinal);
        Assert.Contains("set TMPDIR to a writable folder", line, StringComparison.Ordinal);
        Assert.Equal(0, await ImportFiles.EventCountAsync(target));
    }
}
