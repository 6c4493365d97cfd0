using System.Net;
using System.Text.Json;

namespace Docket.Web.Tests.Scenarios;

/// <summary>
/// A sample of tests/scenarios run through the real HTTP API: the case is opened with
/// POST /api/cases, every event recorded with If-Match, then the removal check, the deadlines
/// and refused appends are read back over HTTP. The whole suite runs against the Domain in
/// Docket.Domain.Tests; this sample shows the API gives the same answers.
/// </summary>
public sealed class ScenarioSampleTests(ScenarioServer server) : IClassFixture<ScenarioServer>
{
    /// <summary>Removal checks, deadlines on weekends and holidays, accepted and refused appends, corrections.</summary>
    public static TheoryData<string> Sample =>
    [
        "appeal-window-open-blocks-removal.json",
        "appeal-pending-stays-removal-until-bia-dismisses.json",
        "appeal-deadline-on-thanksgiving-rolls-to-friday.json",
        "motion-to-reopen-90-days-on-columbus-day.json",
        "in-absentia-rescission-deadline-on-washingtons-birthday.json",
        "in-absentia-rescission-motion-stays-removal.json",
        "vd-bond-five-business-days-skip-juneteenth.json",
        "vd-overstay-alternate-order-takes-effect.json",
        "vd-post-conclusion-limited-to-60-days.json",
        "withholding-bars-removal-to-that-country.json",
        "third-country-notice-needs-review.json",
        "petition-for-review-and-circuit-stay.json",
        "credible-fear-review-requested-blocks-removal.json",
        "vawa-motion-stays-removal-through-appeal.json",
        "nta-hearing-less-than-10-days-refused.json",
        "correction-of-decision-to-waived-appeal.json",
        "daca-blocks-removal.json",
        "stay-granted-day-before-boarding-blocks-removal.json",
    ];

    [Theory]
    [MemberData(nameof(Sample))]
    public async Task The_scenario_holds_through_the_HTTP_API(string file)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(ScenarioFolder, file)));
        var scenario = document.RootElement;
        Assert.False(scenario.TryGetProperty("calendar", out _), $"{file} sets its own calendar; the API uses the configured one");
        var failures = new List<string>();

        var (aNumber, version) = await OpenWithHistoryAsync(scenario);
        var checks = scenario.GetProperty("checks").EnumerateArray().ToList();
        for (var i = 0; i < checks.Count; i++)
        {
            var check = checks[i];
            var label = $"checks[{i}]";
            if (check.TryGetProperty("removal", out var removal))
            {
                await CheckRemovalAsync(aNumber, removal, check, label, failures);
            }
            else if (check.TryGetProperty("deadlines", out var deadlines))
            {
                await CheckDeadlinesAsync(aNumber, deadlines, check, label, failures);
            }
            else if (check.TryGetProperty("accepted", out _))
            {
                // Accepting writes the event, so it is tried on a copy of the case.
                var (copy, copyVersion) = await OpenWithHistoryAsync(scenario);
                using var response = await server.SendAsync(HttpMethod.Post, $"/api/cases/{copy}/events", check.GetProperty("append").GetRawText(), copyVersion);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    failures.Add($"{label} append {check.GetProperty("append")}: expected 201, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
            else
            {
                await CheckRefusedAsync(aNumber, version, check, label, failures);
            }
        }

        Assert.True(failures.Count == 0, $"{file}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", failures)}");
    }

    private static string ScenarioFolder
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Docket.slnx")))
                {
                    return Path.Combine(folder.FullName, "tests", "scenarios");
                }
            }

            throw new InvalidOperationException("No folder above the test binaries holds Docket.slnx.");
        }
    }

    /// <summary>Opens a case for the scenario's person and records its events; returns the A-number and version.</summary>
    private async Task<(string ANumber, int Version)> OpenWithHistoryAsync(JsonElement scenario)
    {
        var aNumber = server.NewANumber();
        var opening = JsonSerializer.Serialize(new
        {
            aNumber,
            familyName = "Thistlewood",
            givenNames = "Marisol Ana",
            dateOfBirth = "1988-07-14",
            citizenship = scenario.GetProperty("citizenship").GetString(),
            office = "NYC",
        });
        using (var opened = await server.SendAsync(HttpMethod.Post, "/api/cases", opening))
        {
            Assert.True(opened.StatusCode == HttpStatusCode.Created, $"opening: {(int)opened.StatusCode} {await opened.Content.ReadAsStringAsync()}");
        }

        var version = 1;
        foreach (var @event in scenario.GetProperty("events").EnumerateArray())
        {
            using var response = await server.SendAsync(HttpMethod.Post, $"/api/cases/{aNumber}/events", @event.GetRawText(), version);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{@event}: {(int)response.StatusCode} {text}");
            using var created = JsonDocument.Parse(text);
            version = created.RootElement.GetProperty("version").GetInt32();
        }

        return (aNumber, version);
    }

    private async Task CheckRemovalAsync(string aNumber, JsonElement removal, JsonElement check, string label, List<string> failures)
    {
        var to = removal.GetProperty("to").GetString();
        var on = removal.GetProperty("on").GetString();
        var body = await GetJsonAsync($"/api/cases/{aNumber}/removal-check?to={to}&on={on}");
        var outcome = body.GetProperty("outcome").GetString();
        var violations = body.GetProperty("violations").EnumerateArray().ToList();
        var rules = violations.Select(v => v.GetProperty("rule").GetString()).ToList();
        var expected = check.GetProperty("outcome").GetString();
        // The server asks its real clock: a day after today is a projection (CHECK-PROJECTION),
        // which is never allowed, and a scenario "allowed" on that day is needs-review today.
        var today = Docket.Domain.Calendar.LegalClock.InDefaultZone(NodaTime.SystemClock.Instance).Today();
        if (string.CompareOrdinal(on, Docket.Domain.Events.EventJson.DatePattern.Format(today)) > 0)
        {
            if (!rules.Contains("CHECK-PROJECTION"))
            {
                failures.Add($"{label} removal to {to} on {on}: a check after today ({today}) must cite CHECK-PROJECTION: {body}");
            }

            expected = expected == "allowed" ? "needs-review" : expected;
        }

        if (outcome != expected)
        {
            failures.Add($"{label} removal to {to} on {on}: expected {expected}, got {outcome} {body}");
        }

        if (body.GetProperty("allowed").GetBoolean() != (expected == "allowed") || (expected == "allowed" && violations.Count > 0))
        {
            failures.Add($"{label} removal to {to} on {on}: allowed and violations disagree with {expected}: {body}");
        }

        foreach (var rule in Strings(check, "rules").Where(r => !rules.Contains(r)))
        {
            failures.Add($"{label} removal to {to} on {on}: expected a violation of {rule}, got [{string.Join(", ", rules)}]");
        }
    }

    private async Task CheckDeadlinesAsync(string aNumber, JsonElement deadlines, JsonElement check, string label, List<string> failures)
    {
        var asOf = deadlines.GetProperty("asOf").GetString();
        var listed = (await GetJsonAsync($"/api/cases/{aNumber}/deadlines?on={asOf}")).EnumerateArray()
            .Select(d => (Kind: d.GetProperty("kind").GetString(), Due: d.GetProperty("due").GetString(), Rule: d.GetProperty("rule").GetString()))
            .ToList();
        var shown = string.Join(", ", listed.Select(d => $"{d.Kind} {d.Due} {d.Rule}"));
        if (check.TryGetProperty("includes", out var includes))
        {
            foreach (var expected in includes.EnumerateArray())
            {
                var wanted = (expected.GetProperty("kind").GetString(), expected.GetProperty("due").GetString(), expected.GetProperty("rule").GetString());
                if (!listed.Contains(wanted))
                {
                    failures.Add($"{label} deadlines as of {asOf}: expected {wanted}, got [{shown}]");
                }
            }
        }

        foreach (var kind in Strings(check, "excludes").Where(k => listed.Any(d => d.Kind == k)))
        {
            failures.Add($"{label} deadlines as of {asOf}: expected no {kind}, got [{shown}]");
        }
    }

    private async Task CheckRefusedAsync(string aNumber, int version, JsonElement check, string label, List<string> failures)
    {
        var append = check.GetProperty("append");
        using var response = await server.SendAsync(HttpMethod.Post, $"/api/cases/{aNumber}/events", append.GetRawText(), version);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.UnprocessableEntity)
        {
            failures.Add($"{label} append {append}: expected 422, got {(int)response.StatusCode} {text}");
            return;
        }

        using var problem = JsonDocument.Parse(text);
        var rules = problem.RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()).ToList();
        foreach (var rule in Strings(check, "refused").Where(r => !rules.Contains(r)))
        {
            failures.Add($"{label} append {append}: expected a violation of {rule}, got [{string.Join(", ", rules)}]");
        }

        var read = await GetJsonAsync($"/api/cases/{aNumber}");
        if (read.GetProperty("version").GetInt32() != version)
        {
            failures.Add($"{label} append {append}: refused, yet the case moved from version {version} to {read.GetProperty("version").GetInt32()}");
        }
    }

    private async Task<JsonElement> GetJsonAsync(string uri)
    {
        using var response = await server.SendAsync(HttpMethod.Get, uri);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {uri}: {(int)response.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static List<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? [.. value.EnumerateArray().Select(v => v.GetString()!)] : [];
}
