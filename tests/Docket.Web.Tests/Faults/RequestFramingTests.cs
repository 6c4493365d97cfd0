using System.Text.Json;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Faults;

/// <summary>
/// Requests whose framing is broken or abusive, written by hand on a socket: bad chunk sizes,
/// a body that stops arriving, chunked bodies far over the 256 KiB limit. Each is a problem
/// with Kestrel's own status (400, 408, 413), never a 500, and the server stops reading a body
/// at the limit, whether or not an endpoint reads it.
/// </summary>
public sealed class RequestFramingTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>No body arriving here could be the 30 MB Kestrel takes by default; only the kernel's socket buffers lie between.</summary>
    private const long MostAccepted = 12L * 1024 * 1024;

    private Uri Address => server.Http.BaseAddress!;

    private static void AssertProblem(RawAnswer answer, int status)
    {
        Assert.True(answer.Status == status, $"expected {status}, got {answer.Status}\n{answer.Head}\n{answer.Body}");
        Assert.Contains("Content-Type: application/problem+json", answer.Head, StringComparison.OrdinalIgnoreCase);
        using var problem = JsonDocument.Parse(answer.Body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("ZZZ\r\nabc\r\n0\r\n\r\n")]
    [InlineData("5;\r\n{\"a\":\r\n0\r\n\r\n")]
    [InlineData("-5\r\n{\"a\":\r\n0\r\n\r\n")]
    [InlineData("fffffffffffffffff\r\n{\r\n0\r\n\r\n")]
    [InlineData("3\r\n{\"a\"xx\r\n0\r\n\r\n")]
    public async Task Bug_chunked_garbage_was_a_500_and_is_a_400_problem(string chunks)
    {
        var answer = await RawHttp.SendAsync(Address, RawHttp.Head("/api/cases", server.OfficerToken) + chunks, Timeout);

        AssertProblem(answer, 400);
    }

    [Fact]
    public async Task Bug_a_body_that_stops_arriving_was_a_500_after_5_seconds_and_is_a_408_problem()
    {
        var answer = await RawHttp.SendAsync(Address, RawHttp.Head("/api/cases", server.OfficerToken, "Content-Length: 200") + "{\"aNumber\":", Timeout);

        AssertProblem(answer, 408);
    }

    [Fact]
    public async Task Bug_chunked_bodies_were_read_to_34_MB_and_are_refused_413_at_the_limit_twenty_times_over()
    {
        for (var i = 0; i < 20; i++)
        {
            var answer = await RawHttp.SendChunkedAsync(Address, RawHttp.Head("/api/cases", server.OfficerToken), 40L * 1024 * 1024, untilAnswered: true, Timeout);

            AssertProblem(answer, 413);
            Assert.Contains("larger than 256 KiB", answer.Body, StringComparison.Ordinal);
            Assert.True(answer.BytesSent < MostAccepted, $"upload {i}: the server took {answer.BytesSent / 1024} KiB before it answered 413");
        }

        await server.AsOfficer.OpenAsync(server.NewANumber());
    }

    [Fact]
    public async Task Bug_a_chunked_body_nobody_reads_was_drained_to_30_MB_and_is_cut_off_at_the_limit()
    {
        // No token: the answer is a 401 before any endpoint reads the body; the client goes on sending regardless.
        var answer = await RawHttp.SendChunkedAsync(Address, RawHttp.Head("/api/cases", token: null), 40L * 1024 * 1024, untilAnswered: false, Timeout);

        AssertProblem(answer, 401);
        Assert.True(answer.BytesSent < MostAccepted, $"the server took {answer.BytesSent / 1024} KiB of a body nobody reads");
    }
}
