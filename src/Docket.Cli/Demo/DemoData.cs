using Bogus;
using Docket.Domain.Cases;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using Docket.Domain.Rules;
using Docket.Store.Cases;
using Docket.Store.Events;
using NodaTime;

namespace Docket.Cli.Demo;

public sealed record DemoCase(ANumber ANumber, string Office, IReadOnlyList<CaseEvent> Events);

/// <summary>
/// Synthetic cases for trying Docket: invented names (Bogus), invented A-numbers, varied
/// lifecycles. No access code is issued for them (nobody would receive it); an officer
/// issues one when wanted, as for imported cases. Every event passes the same Domain decision as the API, so demo data never
/// shows a history the law would have refused.
/// </summary>
public static class DemoData
{
    public static readonly string[] Offices = ["NYC", "LAX", "MIA", "HOU", "CHI"];

    private static readonly (string Country, string Locale)[] Origins =
    [
        ("MEX", "es_MX"), ("GTM", "es_MX"), ("HND", "es_MX"), ("SLV", "es_MX"), ("VEN", "es"), ("COL", "es"),
        ("ECU", "es"), ("NIC", "es"), ("CUB", "es"), ("BRA", "pt_BR"), ("HTI", "fr"), ("IND", "en_IND"),
        ("CHN", "en"), ("PHL", "en"), ("UKR", "en"), ("NGA", "en_NG"), ("SEN", "fr"), ("ROU", "ro"),
    ];

    public static IEnumerable<DemoCase> Generate(int count, int seed, LocalDate today)
    {
        var random = new Randomizer(seed);
        var used = new HashSet<string>(StringComparer.Ordinal);
        // A Faker is costly to build (it loads its locale); one per locale, reseeded per case.
        var fakers = new Dictionary<string, Faker>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            string digits;
            do
            {
                digits = random.Number(200_000_000, 299_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            while (!used.Add(digits));

            yield return Build(ANumber.Parse(digits), random, fakers, today);
        }
    }

    /// <summary>Writes cases through the event writer, many in flight so group commit batches them.</summary>
    public static async Task<int> SeedAsync(EventWriter writer, IEnumerable<DemoCase> cases, string recordedBy, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var written = 0;
        var inFlight = new List<Task<AppendResult>>();
        foreach (var demo in cases)
        {
            var state = CaseHistory.Fold(demo.Events);
            var request = new AppendRequest(demo.ANumber.Digits, 0, demo.Events.Select(CaseLog.ToPending).ToList(), recordedBy, CaseLog.Summary(state, AccessCodes.NoneIssued));
            inFlight.Add(writer.AppendAsync(request, cancellationToken));
            if (inFlight.Count >= 256)
            {
                written += await DrainAsync(inFlight);
                progress?.Report(written);
            }
        }

        written += await DrainAsync(inFlight);
        progress?.Report(written);
        return written;
    }

    private static async Task<int> DrainAsync(List<Task<AppendResult>> inFlight)
    {
        var results = await Task.WhenAll(inFlight);
        inFlight.Clear();
        // A conflict means the A-number is already in this database: that invented case is skipped.
        return results.Count(r => r is AppendResult.Appended);
    }

    private static DemoCase Build(ANumber aNumber, Randomizer random, Dictionary<string, Faker> fakers, LocalDate today)
    {
        var (country, locale) = random.ArrayElement(Origins);
        if (!fakers.TryGetValue(locale, out var faker))
        {
            fakers[locale] = faker = new Faker(locale);
        }

        faker.Random = new Randomizer(random.Int());
        var office = random.ArrayElement(Offices);
        var start = today.PlusDays(-random.Number(60, 2400));
        var birth = start.PlusYears(-random.Number(18, 60)).PlusDays(-random.Number(0, 364));
        var opened = new CaseOpened(aNumber.Digits, faker.Name.LastName(), faker.Name.FirstName(), birth, CountryCode.Parse(country), office) { On = start };

        var lifecycle = random.ArrayElement(Lifecycles.All);
        var timeline = lifecycle(new Timeline(start, today, random), CountryCode.Parse(country));
        var events = new List<CaseEvent> { opened };
        var state = CaseHistory.Apply(CaseState.Empty, opened);
        foreach (var @event in timeline.Events)
        {
            var decision = CaseDecider.Decide(state, @event, Docket.Domain.Calendar.CourtCalendar.Default, today);
            if (!decision.Accepted)
            {
                // The demo must only ever show lawful histories; a refusal here is a bug in a lifecycle.
                throw new InvalidOperationException(
                    $"Demo lifecycle {lifecycle.Method.Name} produced a refused {@event.Type}: {string.Join("; ", decision.Problems.Concat(decision.Violations.Select(v => $"{v.Rule}: {v.Message}")))}");
            }

            events.Add(@event);
            state = CaseHistory.Apply(state, @event);
        }

        return new DemoCase(aNumber, office, events);
    }
}
