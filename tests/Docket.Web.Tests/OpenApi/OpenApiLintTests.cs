using System.Diagnostics;
using System.Net;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.OpenApi;

/// <summary>
/// The document the real server serves passes Redocly's linter (the "minimal" ruleset) with no
/// error. The linter is the repository's own (package.json, installed by ./run-tests with npm
/// ci); without it the test fails and says how to install it. It runs offline: no telemetry,
/// no update check.
/// </summary>
public sealed class OpenApiLintTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task The_served_document_passes_redocly_lint_minimal_with_no_error()
    {
        var root = RepositoryRoot.Path;
        var redocly = Path.Combine(root, "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly),
            $"Redocly's CLI is not installed ({redocly} is missing). Run `npm ci` at the repository root ({root}), as ./run-tests does; it installs the version package-lock.json pins.");

        using var response = await server.As(null).SendAsync(HttpMethod.Get, "/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = Path.Combine(Path.GetTempPath(), $"docket-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
        try
        {
            var (exit, output) = await RunAsync(redocly, root, "lint", "--extends=minimal", "--format=stylish", file);

            Assert.True(exit == 0, $"redocly lint exited {exit}:\n{output}");
            // Stylish output names each problem "LINE:COL  error|warning  rule  message".
            Assert.DoesNotMatch(@"\d+:\d+\s+error\s", output);
            Assert.DoesNotContain("Validation failed", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Offline and quiet: no usage report, no check for a newer version.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["REDOCLY_SUPPRESS_NOTIFICATIONS"] = "true";
        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"redocly lint did not finish in 2 minutes:\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
