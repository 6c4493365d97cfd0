using Docket.Domain.Statistics;

namespace Docket.Store.Statistics;

/// <summary>A case's contribution as stored: one line a fact, fields tab-separated ("d" a departure, "o" a decision).</summary>
internal static class ContributionText
{
    public static string Write(CaseContribution contribution)
    {
        var lines = new List<string>();
        if (contribution.Departure is { } d)
        {
            lines.Add(string.Join('\t', "d", d.Month, d.Country, d.Kind, d.Source));
        }

        lines.AddRange(contribution.Outcomes.Select(o => string.Join('\t', "o", o.Month, o.Court, o.Relief, o.Representation, o.InAbsentia)));
        return string.Join('\n', lines);
    }

    public static CaseContribution Read(string text)
    {
        DepartureFact? departure = null;
        var outcomes = new List<OutcomeFact>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split('\t');
            switch (f[0])
            {
                case "d":
                    departure = new DepartureFact(f[1], f[2], f[3], f[4]);
                    break;
                case "o":
                    outcomes.Add(new OutcomeFact(f[1], f[2], f[3], f[4], f[5]));
                    break;
                default:
                    throw new InvalidDataException($"Not a statistics fact: {line}");
            }
        }

        return new CaseContribution(departure, outcomes);
    }
}
