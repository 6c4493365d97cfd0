using System.Text.RegularExpressions;
using Docket.Domain.Audit;
using Docket.Domain.Tests.Scenarios;

namespace Docket.Domain.Tests.Conventions;

/// <summary>
/// The layers of Docket: Domain is pure (NodaTime and the BCL only), Store owns every query,
/// Web and Cli call Store's services and hold no SQL, EF or ADO.NET. Web and Cli reference
/// Store, which references EF, so their half is a scan of their sources: each finding names the
/// file, the line and what was found there.
/// </summary>
public sealed partial class LayerTests
{
    // NodaTime.Serialization.SystemTextJson is the NodaTime project's own JSON support, which the
    // event payloads are written with; it is named here so that nothing else slips in beside it.
    private static readonly string[] DomainMayReference = ["NodaTime", "NodaTime.Serialization.SystemTextJson", "netstandard", "mscorlib"];

    private static readonly (Regex Pattern, string What)[] DatabaseAccess =
    [
        (UsingDatabaseNamespace(), "a using of a database namespace"),
        (QualifiedDatabaseNamespace(), "a database namespace written out"),
        (DatabaseType(), "an EF or ADO.NET type"),
        (DatabaseCall(), "an EF or ADO.NET call"),
        (StoreDoor(), "Store's door to EF and ADO.NET (call a Store service instead)"),
        (SqlText(), "SQL in a string"),
    ];

    [Fact]
    public void Domain_references_only_NodaTime_and_the_BCL()
    {
        var domain = typeof(MerkleHash).Assembly;

        var others = domain.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !IsBcl(name) && !DomainMayReference.Contains(name, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(others.Count == 0, $"{domain.GetName().Name} must stay pure (NodaTime and the BCL only) but references: {string.Join(", ", others)}");
    }

    [Theory]
    [InlineData("src/Docket.Cli")]
    [InlineData("src/Docket.Web")]
    public void Web_and_Cli_hold_no_SQL_EF_or_ADO_NET(string project)
    {
        var folder = Path.Combine(RepositoryPaths.Root, project);
        var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(folder, path)))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(sources);

        var findings = sources.SelectMany(path => Scan(Path.GetRelativePath(RepositoryPaths.Root, path), File.ReadAllLines(path))).ToList();

        Assert.True(findings.Count == 0,
            $"{project} must call Store's services and hold no SQL, EF or ADO.NET; move these into src/Docket.Store:\n  {string.Join("\n  ", findings)}");
    }

    [Fact]
    public void The_scan_finds_each_kind_of_database_access()
    {
        string[] source =
        [
            "using Microsoft.EntityFrameworkCore;",
            "await using var context = database.CreateContext();",
            "await using var connection = await database.OpenConnectionAsync(ct);",
            "DbCommand command = connection.CreateCommand();",
            "catch (SqliteException) { }",
            "var rows = context.Events.FromSqlRaw(\"x\");",
            "command.CommandText = \"SELECT hash FROM events\";",
            "const string sql = \"INSERT INTO users (name) VALUES (@name)\";",
            "var n = new Npgsql.NpgsqlConnection(text);",
        ];

        var findings = Scan("Example.cs", source).ToList();

        Assert.Equal(Enumerable.Range(1, source.Length), findings.Select(f => f.Line).Distinct());
        Assert.Empty(Scan("Example.cs", ["// SELECT is fine in a comment", "var kind = DatabaseProvider.Sqlite;", "Description = \"select the office\","]));
    }

    private static IEnumerable<Finding> Scan(string file, string[] lines)
    {
        var inBlockComment = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var code = WithoutComments(lines[i], ref inBlockComment);
            foreach (var (pattern, what) in DatabaseAccess)
            {
                if (pattern.Match(code) is { Success: true } match)
                {
                    yield return new Finding(file, i + 1, what, match.Value.Trim());
                }
            }
        }
    }

    // Comments may talk about SQL; only code counts. (A "//" inside a string, as in a URL, is code.)
    private static string WithoutComments(string line, ref bool inBlockComment)
    {
        if (inBlockComment)
        {
            var end = line.IndexOf("*/", StringComparison.Ordinal);
            if (end < 0)
            {
                return "";
            }

            inBlockComment = false;
            line = line[(end + 2)..];
        }

        if (line.TrimStart().StartsWith("//", StringComparison.Ordinal))
        {
            return "";
        }

        var start = line.IndexOf("/*", StringComparison.Ordinal);
        if (start >= 0 && !line[..start].Contains('"', StringComparison.Ordinal))
        {
            var end = line.IndexOf("*/", start + 2, StringComparison.Ordinal);
            inBlockComment = end < 0;
            line = line[..start] + (end < 0 ? "" : line[(end + 2)..]);
        }

        return line;
    }

    private static bool IsBcl(string name) =>
        name.StartsWith("System.", StringComparison.Ordinal) || name == "System" || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal);

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) is [var top, ..] && top is "bin" or "obj";

    [GeneratedRegex(@"^\s*(global\s+)?using\s+(static\s+)?(\w+\s*=\s*)?(Microsoft\.EntityFrameworkCore|System\.Data|Microsoft\.Data\.Sqlite|Npgsql)\b")]
    private static partial Regex UsingDatabaseNamespace();

    [GeneratedRegex(@"(?<![\w.])(Microsoft\.EntityFrameworkCore|System\.Data|Microsoft\.Data\.Sqlite|Npgsql)\.\w")]
    private static partial Regex QualifiedDatabaseNamespace();

    [GeneratedRegex(@"\b(\w*DbContext|DbSet|Db(Connection|Command|DataReader|Transaction|Parameter|Exception|DataSource)|Sqlite(Connection|Command|DataReader|Transaction|Parameter|Exception|ConnectionStringBuilder)|Npgsql\w+|PostgresException|DatabaseFacade)\b")]
    private static partial Regex DatabaseType();

    [GeneratedRegex(@"\b(FromSql\w*|ExecuteSql\w*|SqlQuery\w*|ExecuteUpdate\w*|ExecuteDelete\w*|ExecuteNonQuery\w*|ExecuteScalar\w*|ExecuteReader\w*|CommandText)\b")]
    private static partial Regex DatabaseCall();

    [GeneratedRegex(@"\.(CreateContext|OpenConnectionAsync)\s*\(")]
    private static partial Regex StoreDoor();

    // Upper case, as Docket writes SQL; "select the office" in a description is English.
    [GeneratedRegex(@"\b(SELECT\s+\S|INSERT\s+INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|(CREATE|ALTER|DROP)\s+(TABLE|INDEX|TRIGGER|DATABASE)\b|PRAGMA\s+\w)")]
    private static partial Regex SqlText();

    private sealed record Finding(string File, int Line, string What, string Text)
    {
        public override string ToString() => $"{File}:{Line}: {What}: {Text}";
    }
}
