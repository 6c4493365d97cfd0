using Docket.Fuzz;

namespace Docket.Reliability.Tests.Fuzzing;

/// <summary>
/// The SharpFuzz target's entry points over its corpus in the repository (fuzz/corpus): every
/// file goes through the target as afl-fuzz would feed it, and none may throw. Keeps the target
/// building and honest between AFL runs; a crash AFL finds goes into the corpus with its fix.
/// </summary>
public sealed class FuzzCorpusTests
{
    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.ByName.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(CorpusRoot(), target)).Order(StringComparer.Ordinal))
            {
                data.Add(target, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_corpus_file_goes_through_its_target_without_an_exception(string target, string file)
    {
        var input = File.ReadAllBytes(Path.Combine(CorpusRoot(), target, file));

        FuzzTargets.ByName[target](input);
    }

    [Fact]
    public void Each_target_has_a_corpus_of_a_few_files()
    {
        foreach (var target in FuzzTargets.ByName.Keys)
        {
            Assert.True(Directory.EnumerateFiles(Path.Combine(CorpusRoot(), target)).Count() >= 3, $"fuzz/corpus/{target} needs seed files");
        }
    }

    private static string CorpusRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Docket.slnx")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Docket.slnx not found above the test assembly"), "fuzz", "corpus");
    }
}
