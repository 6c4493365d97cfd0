using System.Text;

namespace Docket.Cli.Tests.Infrastructure;

/// <summary>What one run of <c>docket</c> left: its exit code and what it wrote.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> StdoutLines => Lines(Stdout);

    public IReadOnlyList<string> StderrLines => Lines(Stderr);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs the <c>docket</c> program in-process, as the shell would, with captured output.</summary>
public static class Shell
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = await DocketCli.RunAsync(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Asserts the run failed to start (exit 2) with exactly one readable line on standard error.</summary>
    public static string AssertFailedWithOneLine(CliRun run)
    {
        Assert.True(run.ExitCode == DocketCli.Failed, $"expected exit 2\n{run}");
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("docket: ", line, StringComparison.Ordinal);
        Assert.True(line.Length > "docket: ".Length + 10, $"the line says why: {line}");
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
        return line;
    }

    /// <summary>Asserts standard error holds only the line saying which database was used (<c>docket: using ...</c>), and returns it.</summary>
    public static string AssertSaysOnlyWhichDatabase(CliRun run)
    {
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("docket: using ", line, StringComparison.Ordinal);
        return line;
    }
}

/// <summary>
/// A text writer that can be read while another thread writes to it: <c>docket serve</c> keeps
/// running (and writing) while the test waits for its lines.
/// </summary>
public sealed class ConcurrentWriter : TextWriter
{
    private readonly StringBuilder text = new();
    private readonly Lock gate = new();

    public ConcurrentWriter() => NewLine = "\n";

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (gate)
        {
            text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (gate)
        {
            text.Append(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (gate)
        {
            text.Append(buffer, index, count);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (gate)
        {
            text.Append(value).Append('\n');
        }
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task FlushAsync() => Task.CompletedTask;

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override string ToString()
    {
        lock (gate)
        {
            return text.ToString();
        }
    }
}
