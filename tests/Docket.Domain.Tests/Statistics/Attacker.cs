using Docket.Domain.Statistics;
using Google.OrTools.LinearSolver;

namespace Docket.Domain.Tests.Statistics;

/// <summary>
/// An attacker who knows every published cell of every table of a release (every departures
/// <c>by</c> over every whole-month period, every outcomes <c>by</c>), the totals wherever a rate
/// gives them away, and that counts are never negative. For each withheld cell it solves two
/// linear programs over the finest counts (month x country x kind x source; month x court x
/// relief x representation x in-absentia) for the least and the greatest value the cell can have.
/// </summary>
internal sealed class Attacker : IDisposable
{
    private const double NoBound = 1e6;

    private readonly Solver solver = Solver.CreateSolver("GLOP");
    private readonly List<(string[] Key, Variable Variable)> cells = [];
    private readonly List<(string What, string[]?[] Pattern)> withheld = [];

    private Attacker(IEnumerable<string[]> finest)
    {
        foreach (var key in finest)
        {
            // A bound far above any count keeps every program bounded: GLOP may answer an unbounded
            // maximum as infeasible. A greatest value near it means "no upper bound".
            cells.Add((key, solver.MakeNumVar(0, NoBound, string.Join('|', key))));
        }
    }

    public void Dispose() => solver.Dispose();

    /// <summary>The attack on the departures tables of a release.</summary>
    public static Attacker OnDepartures(ReleaseTables release)
    {
        var dims = new[] { "month", "country", "kind", "source" };
        var values = dims.Select(d => release.Departures.Single(t => t.By == d).Values.ToArray()).ToArray();
        var attacker = new Attacker(Product(values));
        if (release.FirstMonth is null)
        {
            return attacker;
        }

        var months = StatisticsMonth.Range(StatisticsMonth.Parse(release.FirstMonth), StatisticsMonth.Parse(release.ThroughMonth)).ToList();
        foreach (var from in months)
        {
            foreach (var to in months.Where(m => m >= from))
            {
                var period = StatisticsMonth.Range(from, to).Select(StatisticsMonth.Format).ToHashSet(StringComparer.Ordinal);
                foreach (var by in StatisticsDimensions.Departures)
                {
                    var answer = ReleaseAnswers.Departures(release, by, from, to);
                    var dim = Array.IndexOf(dims, by);
                    var what = $"departures by {by} {StatisticsMonth.Format(from)}..{StatisticsMonth.Format(to)}";
                    foreach (var cell in answer)
                    {
                        var pattern = new string[]?[4];
                        pattern[0] = by == "month" ? [cell.Value] : [.. period];
                        pattern[dim] = [cell.Value];
                        attacker.Learn($"{what} {cell.Value}", pattern, cell.Count);
                    }

                    if (answer.Any(c => c.Rate is not null))
                    {
                        // A rate and its count give the table's total away.
                        var total = ReleaseAnswers.Departures(release, "month", from, to).Sum(c => c.Count!.Value);
                        attacker.Learn($"{what} total", [[.. period], null, null, null], total);
                    }
                }
            }
        }

        return attacker;
    }

    /// <summary>
    /// The attack on the outcomes tables of every release one after another (each a fiscal year
    /// more), so that it can subtract one release from the next, knowing a release's number of
    /// decisions wherever a rate gives it away (as for departures). It is not given the number of
    /// decisions from outside: known for two releases, their difference is the newest year's
    /// count, which no suppression can then hide (docs/statistics.md, "Between releases"); assumed
    /// known whenever it was not small, the attack pinned a newest year of 5 decisions.
    /// </summary>
    public static Attacker OnOutcomeReleases(IReadOnlyList<OutcomeCell> cells, Func<ReleaseTables, ReleaseTables>? tamper = null)
    {
        var dims = new[] { "year", "court", "relief", "representation", "in-absentia" };
        var years = cells.Select(c => FiscalYear.Of(StatisticsMonth.Parse(c.Month))).Distinct().Order().ToList();
        var releases = years.Select(year => ReleaseTables.Build(new NodaTime.YearMonth(year, 9), [], cells)).Select(tamper ?? (r => r)).ToList();
        var values = dims.Select(d => releases.SelectMany(r => r.Outcomes.Single(t => t.By == d).Values).Distinct(StringComparer.Ordinal).ToArray()).ToArray();
        var attacker = new Attacker(Product(values));
        foreach (var (release, i) in releases.Select((r, i) => (r, i)))
        {
            var covered = years.Take(i + 1).Select(y => FiscalYear.Name(new NodaTime.YearMonth(y, 9))).ToArray();
            foreach (var by in dims)
            {
                var dim = Array.IndexOf(dims, by);
                foreach (var cell in ReleaseAnswers.Outcomes(release, by))
                {
                    var pattern = new string[]?[dims.Length];
                    pattern[0] = covered;
                    pattern[dim] = [cell.Value];
                    attacker.Learn($"release through {release.LastFiscalYear}: outcomes by {by} {cell.Value}", pattern, cell.Count);
                }
            }

            if (dims.Any(by => ReleaseAnswers.Outcomes(release, by).Any(c => c.Rate is not null)))
            {
                // A rate and its count give the release's number of decisions away.
                var total = cells.Where(c => FiscalYear.Of(StatisticsMonth.Parse(c.Month)) <= years[i]).Sum(c => c.Count);
                attacker.Learn($"release through {release.LastFiscalYear}: outcomes total", [covered, null, null, null, null], total);
            }
        }

        return attacker;
    }

    /// <summary>Each withheld cell with the least and greatest value the attacker can prove (null: unbounded).</summary>
    public IEnumerable<(string What, double Least, double? Greatest)> Ranges()
    {
        foreach (var (what, pattern) in withheld)
        {
            var objective = solver.Objective();
            objective.Clear();
            foreach (var (_, variable) in Matching(pattern))
            {
                objective.SetCoefficient(variable, 1);
            }

            objective.SetMinimization();
            Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
            var least = objective.Value();
            objective.SetMaximization();
            var status = solver.Solve();
            Assert.True(status == Solver.ResultStatus.OPTIMAL, $"{what}: {status}");
            var greatest = objective.Value();
            yield return (what, least, greatest >= NoBound / 2 ? null : greatest);
        }
    }

    public int WithheldCount => withheld.Count;

    private void Learn(string what, string[]?[] pattern, long? count)
    {
        if (count is not { } value)
        {
            withheld.Add((what, pattern));
            return;
        }

        var constraint = solver.MakeConstraint(value, value, what);
        foreach (var (_, variable) in Matching(pattern))
        {
            constraint.SetCoefficient(variable, 1);
        }
    }

    private IEnumerable<(string[] Key, Variable Variable)> Matching(string[]?[] pattern) =>
        cells.Where(c => c.Key.Select((v, i) => pattern[i] is not { } allowed || allowed.Contains(v, StringComparer.Ordinal)).All(ok => ok));

    private static IEnumerable<string[]> Product(string[][] values) =>
        values.Aggregate<string[], IEnumerable<string[]>>([[]], (keys, next) => keys.SelectMany(k => next.Select(v => (string[])[.. k, v])));
}
