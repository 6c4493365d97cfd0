using System.Text.Json;
using Docket.Domain.Cases;
using Docket.Domain.Countries;
using Docket.Domain.Deadlines;
using Docket.Domain.Events;
using Docket.Domain.Removal;
using Docket.Domain.Rules;

namespace Docket.Domain.Tests.Scenarios;

/// <summary>
/// Runs a scenario against the Domain: every listed event must be accepted by the decider,
/// then each check reads the history the way the API does (the removal check on the case as
/// it stood that day, deadlines on the whole case, appends decided but never kept). Every
/// failed check is reported, not only the first.
/// </summary>
internal static class ScenarioRunner
{
    private static readonly HashSet<string> CheckKeys =
        ["removal", "outcome", "rules", "deadlines", "includes", "excludes", "append", "refused", "accepted", "today"];

    public static IReadOnlyList<string> Run(Scenario scenario)
    {
        var failures = new List<string>();
        var events = new List<CaseEvent> { Parse(scenario.OpeningBody, "the opening") };
        for (var i = 0; i < scenario.Events.Count; i++)
        {
            var body = scenario.Events[i];
            var @event = Parse(body.GetRawText(), $"events[{i}]");
            // Each event of the history is recorded on its own day.
            var decision = CaseDecider.Decide(CaseHistory.Fold(events), @event, scenario.Calendar, @event.On);
            Assert.True(decision.Accepted, $"{scenario.File}: events[{i}] {body} was not accepted: {Describe(decision)}");
            events.Add(@event);
        }

        var state = CaseHistory.Fold(events);
        for (var i = 0; i < scenario.Checks.Count; i++)
        {
            var check = scenario.Checks[i];
            foreach (var property in check.EnumerateObject())
            {
                Assert.True(CheckKeys.Contains(property.Name), $"{scenario.File}: checks[{i}].{property.Name} is not a key of a check");
            }

            var label = $"checks[{i}]";
            if (check.TryGetProperty("removal", out var removal))
            {
                RemovalCheckFailures(scenario, events, removal, check, label, failures);
            }
            else if (check.TryGetProperty("deadlines", out var deadlines))
            {
                DeadlineFailures(scenario, state, deadlines, check, label, failures);
            }
            else if (check.TryGetProperty("append", out var append))
            {
                AppendFailures(scenario, state, append, check, label, failures);
            }
            else
            {
                Assert.Fail($"{scenario.File}: {label} is neither a removal, a deadlines nor an append check");
            }
        }

        return failures;
    }

    private static void RemovalCheckFailures(Scenario scenario, List<CaseEvent> events, JsonElement removal, JsonElement check, string label, List<string> failures)
    {
        var on = Scenario.Date(Scenario.Required(removal, "on"));
        var to = CountryCode.Parse(Scenario.Required(removal, "to").GetString()!);
        var result = RemovalCheck.Check(CaseHistory.Fold(events, on), to, on, scenario.Calendar, Today(check, on));
        var expected = Scenario.Required(check, "outcome").GetString();
        var actual = JsonNamingPolicy.KebabCaseLower.ConvertName(result.Outcome.ToString());
        var found = string.Join("; ", result.Findings.Select(f => $"[{f.Rule}{(f.Blocks ? "" : ", review")}] {f.Message}"));
        if (expected != actual)
        {
            failures.Add($"{label} removal to {to} on {Iso(on)}: expected {expected}, got {actual} ({found})");
        }

        if (expected == "allowed" && result.Findings.Count > 0)
        {
            failures.Add($"{label} removal to {to} on {Iso(on)}: allowed must come with no violations, got {found}");
        }

        foreach (var rule in Strings(check, "rules"))
        {
            if (!result.Findings.Any(f => f.Rule == rule))
            {
                failures.Add($"{label} removal to {to} on {Iso(on)}: expected a violation of {rule}, got {(found.Length == 0 ? "none" : found)}");
            }
        }
    }

    private static void DeadlineFailures(Scenario scenario, CaseState state, JsonElement deadlines, JsonElement check, string label, List<string> failures)
    {
        var asOf = Scenario.Date(Scenario.Required(deadlines, "asOf"));
        var listed = DeadlineCalculator.For(state, scenario.Calendar, asOf);
        var shown = string.Join(", ", listed.Select(d => $"{d.Kind} {Iso(d.Due)} {d.Rule}"));
        if (check.TryGetProperty("includes", out var includes))
        {
            foreach (var expected in includes.EnumerateArray())
            {
                var kind = Scenario.Required(expected, "kind").GetString();
                var due = Scenario.Date(Scenario.Required(expected, "due"));
                var rule = Scenario.Required(expected, "rule").GetString();
                if (!listed.Any(d => d.Kind == kind && d.Due == due && d.Rule == rule))
                {
                    failures.Add($"{label} deadlines as of {Iso(asOf)}: expected {kind} due {Iso(due)} ({rule}), got [{shown}]");
                }
            }
        }

        foreach (var kind in Strings(check, "excludes"))
        {
            if (listed.Any(d => d.Kind == kind))
            {
                failures.Add($"{label} deadlines as of {Iso(asOf)}: expected no {kind}, got [{shown}]");
            }
        }
    }

    private static void AppendFailures(Scenario scenario, CaseState state, JsonElement append, JsonElement check, string label, List<string> failures)
    {
        var @event = Parse(append.GetRawText(), label);
        var decision = CaseDecider.Decide(state, @event, scenario.Calendar, Today(check, @event.On));
        if (check.TryGetProperty("accepted", out var accepted))
        {
            Assert.True(accepted.GetBoolean(), $"{scenario.File}: {label}: write \"refused\" for an append that must be refused");
            if (!decision.Accepted)
            {
                failures.Add($"{label} append {append}: expected it accepted, got {Describe(decision)}");
            }

            return;
        }

        var refused = Strings(check, "refused");
        Assert.True(refused.Count > 0, $"{scenario.File}: {label}: an append check needs \"accepted\": true or \"refused\": [rule ids]");
        if (decision.Accepted || decision.Problems.Count > 0)
        {
            failures.Add($"{label} append {append}: expected it refused by {string.Join(", ", refused)}, got {Describe(decision)}");
            return;
        }

        foreach (var rule in refused.Where(rule => !decision.Violations.Any(v => v.Rule == rule)))
        {
            failures.Add($"{label} append {append}: expected a violation of {rule}, got {Describe(decision)}");
        }
    }

    /// <summary>A check runs on its own day unless it names "today" (a check for a later day is a projection).</summary>
    private static NodaTime.LocalDate Today(JsonElement check, NodaTime.LocalDate otherwise) =>
        check.TryGetProperty("today", out var today) ? Scenario.Date(today) : otherwise;

    private static CaseEvent Parse(string body, string what)
    {
        using var document = JsonDocument.Parse(body);
        var result = EventJson.Parse(document.RootElement);
        Assert.True(result.Succeeded, $"{what} {body} does not parse: {string.Join("; ", result.Errors)}");
        return result.Event!;
    }

    private static List<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? [.. value.EnumerateArray().Select(v => v.GetString()!)] : [];

    private static string Iso(NodaTime.LocalDate date) => EventJson.DatePattern.Format(date);

    private static string Describe(Decision decision) => decision.Accepted
        ? "accepted"
        : string.Join("; ", decision.Problems.Concat(decision.Violations.Select(v => $"[{v.Rule}] {v.Message}")));
}
