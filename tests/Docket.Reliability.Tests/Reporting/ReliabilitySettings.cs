using System.Globalization;

namespace Docket.Reliability.Tests.Reporting;

/// <summary>
/// How much the suite does, from the environment: small by default so that CI stays fast, the
/// full run (scripts/reliability-report) sets the counts of RELIABILITY.md.
/// </summary>
public static class ReliabilitySettings
{
    /// <summary>Requests per endpoint family and database (DOCKET_FUZZ_REQUESTS; default 150, the full run 10,000).</summary>
    public static int FuzzRequests => Number("DOCKET_FUZZ_REQUESTS", 150);

    /// <summary>The generators' seed (DOCKET_FUZZ_SEED): the same seed sends the same requests.</summary>
    public static ulong FuzzSeed => (ulong)Number("DOCKET_FUZZ_SEED", 20251202);

    /// <summary>How long the load test runs, in seconds (DOCKET_LOAD_SECONDS; default 20).</summary>
    public static int LoadSeconds => Number("DOCKET_LOAD_SECONDS", 20);

    /// <summary>
    /// Where result files go (DOCKET_RELIABILITY_RESULTS; default TestResults/reliability beside
    /// the test assembly), one JSON file a family and database, and one a load run.
    /// </summary>
    public static string ResultsFolder =>
        Environment.GetEnvironmentVariable("DOCKET_RELIABILITY_RESULTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "reliability");

    private static int Number(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
