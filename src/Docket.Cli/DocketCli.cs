using System.CommandLine;
using Docket.Cli.Commands;
using NodaTime;

namespace Docket.Cli;

/// <summary>
/// The <c>docket</c> program. Exit codes: 0 success; 1 a verification found tampering;
/// 2 the command could not run (bad arguments, unreachable database...), with one line on
/// standard error saying why.
/// </summary>
public static class DocketCli
{
    public const int Ok = 0;
    public const int Tampered = 1;
    public const int Failed = 2;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, output, error, SystemClock.Instance, cancellationToken);

    /// <summary>
    /// Runs a command with the given clock as "now" for <c>serve</c> (the whole web host: sessions,
    /// deadlines, the release schedule) and <c>stats release</c> (the last complete month), so a
    /// test can put the program in any month.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IClock clock, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Docket: immigration case lifecycle, kept as an append-only, tamper-evident event log.")
        {
            ServeCommand.Create(clock),
            UsersCommand.Create(),
            VerifyCommand.Create(),
            CheckpointCommand.Create(),
            ExportCommand.Create(),
            ImportCommand.Create(),
            DemoCommand.Create(),
            StatsCommand.Create(clock),
        };

        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync($"docket: {CliErrors.OneLine(parse.Errors[0].Message)} (see docket --help)");
            return Failed;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("docket: cancelled");
            return Failed;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await error.WriteLineAsync($"docket: {CliErrors.OneLine(CliErrors.Describe(ex))}");
            return Failed;
        }
    }
}
