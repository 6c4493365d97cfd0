using System.Diagnostics;

namespace Docket.Cli.Tests.Import;

/// <summary>
/// The real <c>docket</c> program as a child process, with a temporary folder of the test's
/// choosing (in-process runs would share the test host's environment with every other test).
/// </summary>
public static class ChildDocket
{
    public static ProcessStartInfo Start(string temporaryFolder, params string[] args)
    {
        var docket = typeof(DocketCli).Assembly.Location;
        Assert.True(File.Exists(docket), docket);
        var info = new ProcessStartInfo(DotnetHost(), [docket, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["TMPDIR"] = temporaryFolder.TrimEnd('/') + "/";
        return info;
    }

    /// <summary>Runs to the end: the exit code, standard output, and standard error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunToEndAsync(ProcessStartInfo start)
    {
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start docket");
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        return (child.ExitCode, await stdout, await stderr);
    }

    /// <summary>The <c>dotnet</c> host running these tests, to start the real program with.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
