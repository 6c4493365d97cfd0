using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace Docket.Reliability.Tests.Fuzzing;

/// <summary>What one family's fuzzing found; written to the results folder for RELIABILITY.md.</summary>
public sealed class FamilyResult
{
    public required string Database { get; init; }

    public required string Family { get; init; }

    public required ulong Seed { get; init; }

    public int Requests { get; set; }

    public SortedDictionary<int, int> Statuses { get; } = [];

    /// <summary>Answers of 500 and other 5xx that are not the deliberate 503 (database unavailable).</summary>
    public int ServerErrors { get; set; }

    public int Deliberate503 { get; set; }

    /// <summary>4xx answers that are not a problem-details body, for requests Kestrel could parse.</summary>
    public int RefusalsWithoutProblem { get; set; }

    /// <summary>Requests broken at the protocol level that Kestrel refused itself, before Docket (a bare 400 or 431).</summary>
    public int RefusedByKestrel { get; set; }

    public int NoAnswer { get; set; }

    /// <summary>Truncated bodies (the client closed its side): no answer is expected, and no write may follow.</summary>
    public int ClientClosed { get; set; }

    /// <summary>2xx answers whose body did not arrive whole although the request was well framed: a failure.</summary>
    public int CutOffAnswers { get; set; }

    /// <summary>2xx answers cut off by a reset because the request's own framing was broken (the body nobody read could not be drained).</summary>
    public int ResetAfterAnswer { get; set; }

    public int AcknowledgedWrites { get; set; }

    /// <summary>Events in the log that no acknowledged request wrote, or a case's history changed.</summary>
    public int PartialWrites { get; set; }

    public int AcknowledgedLost { get; set; }

    public int CasesTouched { get; set; }

    public double Seconds { get; set; }

    public List<string> Failures { get; } = [];

    public bool Clean => ServerErrors == 0 && RefusalsWithoutProblem == 0 && NoAnswer == 0 && CutOffAnswers == 0 && PartialWrites == 0 && AcknowledgedLost == 0;
}

/// <summary>
/// Sends <c>count</c> generated requests of one family to the real server and checks every
/// answer (no 5xx but a deliberate 503, every 4xx an RFC 9457 problem that parses) and, after,
/// the log: every case's history as exported before is unchanged, every event added was
/// acknowledged (201 with its version), and every acknowledged event is there.
/// </summary>
public static class FuzzRun
{
    private const int Workers = 6;
    private const int KeptFailures = 25;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    public static async Task<FamilyResult> RunAsync(FuzzContext context, Family family, int count, ulong seed)
    {
        var result = new FamilyResult { Database = context.Server.Kind.ToString(), Family = family.Name, Seed = seed };
        var watch = Stopwatch.StartNew();
        var before = await context.ExportAsync();
        var plans = Gen.Zip(Gen.Zip(family.Body, Mutations.Some(family.HasBody)), Gen.Choose(0, 1_000_000), (p, pick) => (p.Item1, p.Item2, pick))
            .Sample(count, new Rnd(seed), 30);
        var acknowledged = new ConcurrentDictionary<(string ANumber, int Version), bool>();
        var queue = new ConcurrentQueue<(JsonObjectPlan Plan, int Index)>(plans.Select((p, i) => (new JsonObjectPlan(p.Item1, p.Item2, p.Item3), i)));
        var gate = new object();

        async Task WorkAsync()
        {
            while (queue.TryDequeue(out var item))
            {
                var draft = family.Make(context, item.Plan.Body, item.Plan.Pick);
                var request = draft.Build([Families.Resolve(context), .. item.Plan.Mutators]);
                RawAnswer? answer;
                try
                {
                    answer = await RawHttp.SendAsync(context.Address, request, Timeout);
                }
                catch (OperationCanceledException)
                {
                    answer = null;
                }

                lock (gate)
                {
                    Check(context, result, draft, request, item.Plan, answer, acknowledged);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(WorkAsync)));
        CheckLog(result, before, await context.ExportAsync(), acknowledged.Keys);
        result.Seconds = Math.Round(watch.Elapsed.TotalSeconds, 1);
        return result;
    }

    private sealed record JsonObjectPlan(System.Text.Json.Nodes.JsonObject? Body, Mutator[] Mutators, int Pick);

    private static void Check(FuzzContext context, FamilyResult result, Draft draft, RawRequest request, JsonObjectPlan plan, RawAnswer? answer, ConcurrentDictionary<(string, int), bool> acknowledged)
    {
        result.Requests++;
        if (answer is null && request.Framing == Framing.Truncated)
        {
            // The client closed its side mid-body: Kestrel takes that as a client gone and
            // aborts the request without an answer. What matters is that nothing was written.
            result.ClientClosed++;
            return;
        }

        if (answer is null)
        {
            result.NoAnswer++;
            Fail(result, "no answer", request, plan, null);
            return;
        }

        result.Statuses[answer.Status] = result.Statuses.GetValueOrDefault(answer.Status) + 1;
        var problem = IsProblem(answer);
        switch (answer.Status)
        {
            case 503 when problem && answer.Header("Retry-After") is not null:
                result.Deliberate503++;
                break;
            case >= 500 or < 100:
                result.ServerErrors++;
                Fail(result, "server error", request, plan, answer);
                break;
            case >= 400 when problem:
                break;
            case 400 or 431 or 414 or 505 when request.BrokenBeforeTheApp && answer.Body.Length == 0:
                result.RefusedByKestrel++;
                break;
            case >= 400:
                result.RefusalsWithoutProblem++;
                Fail(result, "refusal without a problem", request, plan, answer);
                break;
            case >= 200 and < 300 when CutOff(answer):
                // Kestrel answered, then found the request's own framing broken while draining
                // the body nobody read, and reset the connection: the client loses the answer's
                // tail. Only a request with broken framing may see that.
                if (request.Framing is Framing.Length or Framing.Chunked && !request.BrokenBeforeTheApp)
                {
                    result.CutOffAnswers++;
                    Fail(result, "answer cut off", request, plan, answer);
                }
                else
                {
                    result.ResetAfterAnswer++;
                }

                break;
            case >= 200 and < 300:
                Acknowledge(context, result, draft, answer, acknowledged);
                break;
        }
    }

    private static bool CutOff(RawAnswer answer)
    {
        if (answer.Header("Content-Length") is { } length && long.TryParse(length, System.Globalization.CultureInfo.InvariantCulture, out var declared) && answer.Body.Length < declared)
        {
            return true;
        }

        if (answer.Header("Content-Type")?.Contains("json", StringComparison.Ordinal) != true)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            return false;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static bool IsProblem(RawAnswer answer)
    {
        if (answer.Header("Content-Type")?.StartsWith("application/problem+json", StringComparison.Ordinal) != true)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("status", out var status) && status.TryGetInt32(out var code) && code == answer.Status
                && root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Acknowledge(FuzzContext context, FamilyResult result, Draft draft, RawAnswer answer, ConcurrentDictionary<(string, int), bool> acknowledged)
    {
        if (!answer.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) ?? true)
        {
            return;
        }

        using var document = JsonDocument.Parse(answer.Body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var aNumber = root.TryGetProperty("aNumber", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : draft.Case;
        if (aNumber is null)
        {
            return;
        }

        if (root.TryGetProperty("accessCode", out var code) && context.Cases.FirstOrDefault(c => c.ANumber == aNumber) is { } seed)
        {
            // A reissued code replaces the old one: sign-ins that mean to succeed use the new one.
            seed.AccessCode = code.GetString()!;
        }

        if (draft.Method == "POST" && root.TryGetProperty("version", out var v) && v.TryGetInt32(out var version))
        {
            result.AcknowledgedWrites++;
            acknowledged[(aNumber, version)] = true;
            context.Versions.AddOrUpdate(aNumber, version, (_, old) => Math.Max(old, version));
        }
    }

    /// <summary>Compares the log after with the log before, case by case, against what was acknowledged.</summary>
    private static void CheckLog(FamilyResult result, IReadOnlyList<string> before, IReadOnlyList<string> after, ICollection<(string ANumber, int Version)> acknowledged)
    {
        static Dictionary<string, List<(int Version, string Line)>> ByCase(IReadOnlyList<string> lines) => lines
            .Select(line => (Json: JsonDocument.Parse(line).RootElement, Line: line))
            .GroupBy(e => e.Json.GetProperty("aNumber").GetString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => (e.Json.GetProperty("version").GetInt32(), e.Line)).ToList(), StringComparer.Ordinal);

        var old = ByCase(before);
        var now = ByCase(after);
        var newest = acknowledged.GroupBy(a => a.ANumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(a => a.Version), StringComparer.Ordinal);
        result.CasesTouched = newest.Count;
        foreach (var (aNumber, events) in now)
        {
            var kept = old.GetValueOrDefault(aNumber) ?? [];
            if (events.Count < kept.Count || !events.Take(kept.Count).Select(e => e.Line).SequenceEqual(kept.Select(e => e.Line), StringComparer.Ordinal))
            {
                result.PartialWrites++;
                result.Failures.Add($"case {aNumber}: its history as exported before the run changed");
            }

            foreach (var (version, _) in events.Skip(kept.Count))
            {
                if (version > newest.GetValueOrDefault(aNumber))
                {
                    result.PartialWrites++;
                    result.Failures.Add($"case {aNumber}: version {version} is in the log, but no request that wrote it was acknowledged");
                }
            }
        }

        foreach (var (aNumber, version) in acknowledged)
        {
            if (!now.TryGetValue(aNumber, out var events) || events.All(e => e.Version != version))
            {
                result.AcknowledgedLost++;
                result.Failures.Add($"case {aNumber}: version {version} was acknowledged and is not in the log");
            }
        }
    }

    private static void Fail(FamilyResult result, string what, RawRequest request, JsonObjectPlan plan, RawAnswer? answer)
    {
        if (result.Failures.Count >= KeptFailures)
        {
            return;
        }

        var wire = RawHttp.Encode(request);
        var shown = Encoding.Latin1.GetString(wire, 0, Math.Min(wire.Length, 1500));
        result.Failures.Add(
            $"{what}: {answer?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {answer?.Header("Content-Type")} after [{string.Join(", ", plan.Mutators.Select(m => m.Name))}]\n"
            + $"request: {Mutations.Escape(shown)}\n"
            + $"answer: {(answer is null ? "" : Mutations.Escape(answer.Text.Length > 600 ? answer.Text[..600] : answer.Text))}");
    }
}
