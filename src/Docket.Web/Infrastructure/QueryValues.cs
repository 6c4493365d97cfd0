using Docket.Domain.Cases;
using Docket.Domain.Events;
using NodaTime;

namespace Docket.Web.Infrastructure;

/// <summary>Values read from a path or query string, each with the one message a caller sees when it is wrong.</summary>
public static class QueryValues
{
    public static bool TryDate(string name, string text, List<string> errors, out LocalDate date)
    {
        if (EventJson.TryParseDate(text, out date))
        {
            return true;
        }

        errors.Add($"{name}: '{text}' must be a real calendar date written YYYY-MM-DD, between {EventJson.EarliestDate.Year} and {EventJson.LatestDate.Year}");
        return false;
    }

    /// <summary>
    /// A text filter (a user, a family name): control characters are refused, NUL above all, which
    /// PostgreSQL cannot hold in text (a 500 before) and SQLite can, so both databases answer alike.
    /// </summary>
    public static bool TryText(string name, string text, List<string> errors)
    {
        if (!text.Any(char.IsControl))
        {
            return true;
        }

        errors.Add($"{name}: must not hold control characters (such as NUL)");
        return false;
    }

    public static bool TryANumber(string name, string text, List<string> errors, out ANumber aNumber)
    {
        if (ANumber.TryParse(text, out var parsed))
        {
            aNumber = parsed.Value;
            return true;
        }

        aNumber = default;
        errors.Add($"{name}: '{text}' must be 9 digits ('A' prefix, spaces and dashes allowed)");
        return false;
    }
}
