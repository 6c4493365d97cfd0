using SharpFuzz;

namespace Docket.Fuzz;

/// <summary>
/// <c>Docket.Fuzz events|import</c>: one input a run from afl-fuzz (SharpFuzz's out-of-process
/// mode), or, with <c>--corpus FOLDER</c>, every file of a folder once, without AFL.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || !FuzzTargets.ByName.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: Docket.Fuzz {string.Join("|", FuzzTargets.ByName.Keys)} [--corpus FOLDER]");
            return 2;
        }

        if (args is [_, "--corpus", var folder])
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                target(File.ReadAllBytes(file));
            }

            return 0;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
    }
}
