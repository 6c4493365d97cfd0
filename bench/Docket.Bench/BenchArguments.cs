namespace Docket.Bench;

/// <summary>The benchmark's command line: what it accepts, and the one line that refuses anything else.</summary>
internal static class BenchArguments
{
    public const string Usage = """
        usage: bench/run [--quick] [--cases N] [--out FILE] [--seconds S]
                         [--no-pages] [--no-stats] [--no-stats-maintenance] [--no-peer] [--no-startup]
                         [--only sqlite|postgres] [--no-settle]
               bench/run --workload-only FILE [--cases N]

          --quick                 2,000 cases, 3 s of load; prints the table, writes no file (a smoke test)
          --cases N               synthetic cases (default 1,000,000)
          --out FILE              where the report goes (default BENCHMARKS.md; none with --quick)
          --seconds S             each load phase (default 20, or 3 with --quick)
          --no-pages, --no-stats, --no-stats-maintenance, --no-peer, --no-startup
                                  skip a part (see bench/ANALYSIS.md)
          --only sqlite|postgres  one database, for profiling one phase (the peer runs with PostgreSQL)
          --no-settle             start the API phases right after the import and the release (see Settle.cs)
          --workload-only FILE    only write the workload, for profiling
        """;

    private static readonly HashSet<string> Flags =
    [
        "--quick", "--no-pages", "--no-stats", "--no-stats-maintenance", "--no-peer", "--no-startup", "--no-settle", "--help", "-h",
    ];

    private static readonly HashSet<string> Options = ["--cases", "--out", "--seconds", "--only", "--workload-only", "--docket"];

    /// <summary>The first argument the benchmark does not understand, as a sentence; null when all are understood.</summary>
    public static string? Problem(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (Flags.Contains(args[i]))
            {
                continue;
            }

            if (!Options.Contains(args[i]))
            {
                return $"bench: unknown argument '{args[i]}'";
            }

            if (i + 1 >= args.Count)
            {
                return $"bench: {args[i]} needs a value";
            }

            var value = args[++i];
            if (args[i - 1] is "--cases" or "--seconds" && !(int.TryParse(value, out var number) && number > 0))
            {
                return $"bench: {args[i - 1]} takes a positive whole number, not '{value}'";
            }

            if (args[i - 1] == "--only" && value is not ("sqlite" or "postgres"))
            {
                return $"bench: --only takes sqlite or postgres, not '{value}'";
            }
        }

        return null;
    }
}
