using System.Text.Json;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Store.Cases;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Docket.Reliability.Tests.Fuzzing;

/// <summary>
/// The fuzzer's checks can fail: beside the API, the server gets three endpoints with the faults
/// the checks look for (one that reads strings the lenient way and throws, one that records an
/// event and then answers 400, one that refuses in plain text), and the same run over them
/// must report each fault. Without these, a fuzzer that checked nothing would pass too.
/// </summary>
public sealed class CanaryTests : IAsyncLifetime
{
    private const int Requests = 150;
    private FuzzContext context = null!;

    public async Task InitializeAsync() => context = await FuzzContext.StartAsync(DatabaseKind.Sqlite, MapCanaries);

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_parser_that_throws_on_a_lone_surrogate_is_reported_as_server_errors()
    {
        var result = await FuzzRun.RunAsync(context, Canary("/canary/lenient-parser"), Requests, 7);

        Assert.True(result.ServerErrors > 0, $"no server error found in {result.Requests} requests: {string.Join(" ", result.Statuses)}");
        Assert.False(result.Clean);
    }

    [Fact]
    public async Task An_endpoint_that_writes_and_then_refuses_is_reported_as_partial_writes()
    {
        var result = await FuzzRun.RunAsync(context, Canary("/canary/writes-then-refuses"), Requests, 8);

        Assert.True(result.PartialWrites > 0, $"no partial write found in {result.Requests} requests: {string.Join(" ", result.Statuses)}");
        Assert.Contains(result.Failures, f => f.Contains("no request that wrote it was acknowledged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refusal_in_plain_text_is_reported_as_a_refusal_without_a_problem()
    {
        var result = await FuzzRun.RunAsync(context, Canary("/canary/plain-refusal"), Requests, 9);

        Assert.True(result.RefusalsWithoutProblem > 0, $"no plain refusal found in {result.Requests} requests: {string.Join(" ", result.Statuses)}");
    }

    private static Family Canary(string path) => new(path, EventBodies.Of("MailingAddressChanged").Select(b => (System.Text.Json.Nodes.JsonObject?)b), (c, body, _) =>
    {
        var draft = new Draft { Method = "POST", Path = path, Json = body?.DeepClone().AsObject(), Case = c.Cases[0].ANumber };
        draft.SetHeader("Host", "127.0.0.1");
        draft.SetHeader("Connection", "close");
        return draft;
    });

    private static void MapCanaries(WebApplication app)
    {
        // What the server did before issue #11: GetString() on whatever arrived.
        app.MapPost("/canary/lenient-parser", async (HttpRequest request) =>
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            var strings = document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => p.Value.GetString()).ToList();
            return Results.Ok(strings.Count);
        }).AllowAnonymous();

        // Records a change and answers as if it had refused it.
        app.MapPost("/canary/writes-then-refuses", async (CaseLog cases) =>
        {
            var aNumber = ANumber.Parse("208417350");
            var state = await cases.LoadAsync(aNumber);
            await cases.AppendAsync(aNumber, state!.Version, new MailingAddressChanged("1 Canary Row") { On = new NodaTime.LocalDate(2025, 6, 2) }, "canary");
            return Results.Problem(statusCode: 400, title: "Refused (but recorded)");
        }).AllowAnonymous();

        app.MapPost("/canary/plain-refusal", () => Results.Text("no", "text/plain", statusCode: 400)).AllowAnonymous();
    }
}
