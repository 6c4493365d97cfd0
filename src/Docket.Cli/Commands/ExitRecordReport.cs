using System.CommandLine;
using Docket.Store.Import;

namespace Docket.Cli.Commands;

/// <summary>What <c>docket import --exit-records</c> says: bad lines on stderr, the counts on stdout.</summary>
internal static class ExitRecordReport
{
    private const int ErrorsShown = 20;

    public static async Task<int> WriteAsync(InvocationConfiguration io, ExitRecordResult result, string fileName, string target, string usingLine)
    {
        foreach (var error in result.Errors.Take(ErrorsShown))
        {
            await io.Error.WriteLineAsync($"docket: {fileName}: {error}");
        }

        if (result.Errors.Count > ErrorsShown)
        {
            await io.Error.WriteLineAsync($"docket: ... and {result.Errors.Count - ErrorsShown} more bad lines");
        }

        if (result.Stopped)
        {
            await io.Error.WriteLineAsync($"docket: {result.Errors.Count} bad lines in {fileName}; nothing was imported (use --on-error skip to import the cases without bad lines)");
            return DocketCli.Failed;
        }

        await io.Error.WriteLineAsync(usingLine);
        await io.Output.WriteLineAsync(
            $"Imported {result.Added} departure reports in {target}" +
            (result.AlreadyPresent > 0 ? $"; {result.AlreadyPresent} were already there" : "") +
            (result.SkippedLines > 0 ? $"; skipped {result.SkippedLines} lines of cases with bad lines" : "") + ".");
        return DocketCli.Ok;
    }
}
