namespace Docket.Domain.Statistics;

/// <summary>
/// Primary and secondary suppression of one partition of a total: the cells of one month of one
/// departures table, or one outcomes table of a release. An attacker who knows the total and
/// every published cell knows the sum S of the withheld cells and nothing more about them (the
/// tables are one-way margins of the same counts, so the other tables add no constraint on this
/// one), so each withheld cell can be anything from 0 to S. The heuristic therefore withholds,
/// beside the cells of 1 to 10, the smallest further cells until at least two are withheld and
/// S is at least <see cref="DisclosureThresholds.SmallestUncertainty"/>. A total that is itself
/// small is withheld, and then every non-zero cell is small as well.
/// </summary>
public static class ComplementarySuppression
{
    public static CellStatus[] Protect(IReadOnlyList<long> counts, IReadOnlyList<string> keys)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(keys.Count, counts.Count);
        var status = counts.Select(c => DisclosureThresholds.IsSmall(c) ? CellStatus.Primary : CellStatus.Published).ToArray();
        var withheld = status.Count(s => s != CellStatus.Published);
        if (withheld == 0 || DisclosureThresholds.IsSmall(counts.Sum()))
        {
            return status;
        }

        var hidden = counts.Where((_, i) => status[i] != CellStatus.Published).Sum();
        // Smallest first (ties by key, so the choice is reproducible): the least information lost.
        var candidates = Enumerable.Range(0, counts.Count)
            .Where(i => status[i] == CellStatus.Published && counts[i] > 0)
            .OrderBy(i => counts[i]).ThenBy(i => keys[i], StringComparer.Ordinal);
        foreach (var i in candidates)
        {
            if (withheld >= 2 && hidden >= DisclosureThresholds.SmallestUncertainty)
            {
                break;
            }

            status[i] = CellStatus.Secondary;
            withheld++;
            hidden += counts[i];
        }

        return status;
    }
}
