using Docket.Domain.Tests.Scenarios;

namespace Docket.Domain.Tests.Repository;

/// <summary>
/// The repository stands alone: a person who clones it needs nothing beside it. No file refers
/// to a folder next to the repository, and every relative link of the documentation leads to a
/// file (and heading) inside it.
/// </summary>
public sealed class StandsAloneTests
{
    /// <summary>Build output, tools' folders and local state: not part of what a clone holds.</summary>
    private static readonly HashSet<string> SkippedFolders = ["bin", "obj", ".git", "node_modules", ".artifacts", "TestResults", ".vs", ".idea"];

    /// <summary>The documents at the root whose links are checked, besides every file of docs/.</summary>
    private static readonly string[] RootDocuments = ["README.md", "CONTRIBUTING.md"];

    // Written in pieces so that this file does not contain the very path it looks for.
    private static readonly string OutsidePath = string.Concat("..", "/", "sha", "red");

    [Fact]
    public void No_file_of_the_repository_refers_to_the_folder_beside_it()
    {
        var files = TextFiles(RepositoryPaths.Root).ToList();
        var found = files
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => x.line.Contains(OutsidePath, StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(RepositoryPaths.Root, x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.True(files.Count > 100, $"expected the repository's files, found {files.Count} under {RepositoryPaths.Root}");
        Assert.True(found.Count == 0, $"these lines refer outside the repository ({OutsidePath}); the repository must stand alone:{Environment.NewLine}{string.Join(Environment.NewLine, found)}");
    }

    public static TheoryData<string> Documents()
    {
        var root = RepositoryPaths.Root;
        var documents = new TheoryData<string>();
        foreach (var path in RootDocuments.Concat(Directory.GetFiles(RepositoryPaths.Docs, "*.md").Order(StringComparer.Ordinal).Select(f => Path.GetRelativePath(root, f))))
        {
            documents.Add(path.Replace('\\', '/'));
        }

        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_leads_to_a_file_of_the_repository(string document)
    {
        var root = Path.GetFullPath(RepositoryPaths.Root);
        var path = Path.Combine(root, document);
        Assert.True(File.Exists(path), $"{document} is missing");
        var file = MarkdownFile.Load(path);
        var broken = new List<string>();
        foreach (var link in file.Links())
        {
            if (link.Target.Contains("://", StringComparison.Ordinal) || link.Target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = link.Target.IndexOf('#', StringComparison.Ordinal);
            var target = hash < 0 ? link.Target : link.Target[..hash];
            var anchor = hash < 0 ? null : link.Target[(hash + 1)..];
            var resolved = target.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(target)));
            if (!resolved.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                broken.Add($"line {link.Line}: {link.Target} leads outside the repository");
            }
            else if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                broken.Add($"line {link.Line}: {link.Target} does not exist");
            }
            else if (anchor is not null && resolved.EndsWith(".md", StringComparison.Ordinal) && !MarkdownFile.Load(resolved).Anchors().Contains(anchor))
            {
                broken.Add($"line {link.Line}: {link.Target} names no heading of {Path.GetRelativePath(root, resolved)}");
            }
        }

        Assert.True(broken.Count == 0, $"{document}:{Environment.NewLine}{string.Join(Environment.NewLine, broken)}");
    }

    /// <summary>Every text file under the root: binary files (a NUL byte near the start) are left out.</summary>
    private static IEnumerable<string> TextFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (IsText(file))
            {
                yield return file;
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(sub)))
            {
                foreach (var file in TextFiles(sub))
                {
                    yield return file;
                }
            }
        }
    }

    private static bool IsText(string file)
    {
        using var stream = File.OpenRead(file);
        var buffer = new byte[8192];
        var read = stream.Read(buffer, 0, buffer.Length);
        return Array.IndexOf(buffer, (byte)0, 0, read) < 0;
    }
}
