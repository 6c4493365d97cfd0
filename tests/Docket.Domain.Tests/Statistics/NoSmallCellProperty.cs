using Docket.Domain.Statistics;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Docket.Domain.Tests.Statistics;

/// <summary>For generated projections, no published figure of any table or period of a release is from 1 to 10.</summary>
public sealed class NoSmallCellProperty
{
    private static readonly YearMonth Through = StatisticsMonth.Parse(GeneratedTables.Months[^1]);

    private static IEnumerable<PublishedCell> EveryPublishedAnswer(ReleaseTables release)
    {
        var months = StatisticsMonth.Range(StatisticsMonth.Parse(GeneratedTables.Months[0]), Through).ToList();
        foreach (var from in months)
        {
            foreach (var to in months.Where(m => m >= from))
            {
                foreach (var by in StatisticsDimensions.Departures)
                {
                    foreach (var cell in ReleaseAnswers.Departures(release, by, from, to))
                    {
                        yield return cell;
                    }
                }
            }
        }

        foreach (var by in StatisticsDimensions.Outcomes)
        {
            foreach (var cell in ReleaseAnswers.Outcomes(release, by))
            {
                yield return cell;
            }
        }
    }

    [Fact]
    public void No_published_cell_is_from_1_to_10_and_every_withheld_cell_says_why()
    {
        var property = Prop.ForAll(GeneratedTables.Departures.ToArbitrary(), GeneratedTables.Outcomes.ToArbitrary(), (departures, outcomes) =>
        {
            // The outcomes of every fiscal year generated are complete by September 2027.
            var cells = EveryPublishedAnswer(ReleaseTables.Build(Through, departures, outcomes))
                .Concat(StatisticsDimensions.Outcomes.SelectMany(by => ReleaseAnswers.Outcomes(ReleaseTables.Build(new YearMonth(2027, 9), [], outcomes), by)))
                .ToList();
            return cells.All(c => c.Count is null ? c.Status != CellStatus.Published : c.Status == CellStatus.Published && !DisclosureThresholds.IsSmall(c.Count.Value));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }

    [Fact]
    public void A_rate_is_shown_only_with_a_denominator_of_16_or_more()
    {
        var property = Prop.ForAll(GeneratedTables.Departures.ToArbitrary(), departures =>
        {
            var release = ReleaseTables.Build(Through, departures, []);
            return StatisticsMonth.Range(StatisticsMonth.Parse(GeneratedTables.Months[0]), Through).All(month =>
            {
                var answer = ReleaseAnswers.Departures(release, "kind", month, month);
                var total = departures.Where(c => c.Month == StatisticsMonth.Format(month)).Sum(c => c.Count);
                return answer.All(c => c.Rate is null || (total >= 16 && c.Count is not null));
            });
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }
}
