using System.Globalization;
using Docket.Domain.Events;
using NodaTime;

namespace Docket.Web.Work;

/// <summary>How the hearings of My work are shown: the two weeks from this Monday, a week, or a day.</summary>
public enum CalendarView { TwoWeeks, Week, Day }

/// <summary>
/// What My work's query string asks for (each list's page and filter, the calendar's view and
/// date), and the links that change one of them while keeping the others.
/// </summary>
public sealed record WorkQuery(
    CalendarView View,
    LocalDate? Date,
    string? DeadlineKind,
    int IdleDays,
    int DeadlinesPage,
    int HearingsPage,
    int DeparturesPage,
    int IdlePage,
    int CasesPage)
{
    public static readonly int[] IdleChoices = [180, 365, 730];

    public static WorkQuery Read(string? view, string? date, string? kind, int? idleDays, int? deadlinesPage, int? hearingsPage, int? departuresPage, int? idlePage, int? casesPage) => new(
        view switch { "week" => CalendarView.Week, "day" => CalendarView.Day, _ => CalendarView.TwoWeeks },
        date is not null && EventJson.TryParseDate(date, out var d) ? d : null,
        kind is not null && Domain.Deadlines.DeadlineMeaning.KnownKinds.Contains(kind, StringComparer.Ordinal) ? kind : null,
        idleDays is { } days && IdleChoices.Contains(days) ? days : CaseloadWork.IdleDays,
        Math.Max(deadlinesPage ?? 1, 1),
        Math.Max(hearingsPage ?? 1, 1),
        Math.Max(departuresPage ?? 1, 1),
        Math.Max(idlePage ?? 1, 1),
        Math.Max(casesPage ?? 1, 1));

    public static string ViewName(CalendarView view) => view switch { CalendarView.Week => "week", CalendarView.Day => "day", _ => "two-weeks" };

    /// <summary>The link to My work with these choices, at a section of the page.</summary>
    public string Link(string fragment)
    {
        var parts = new List<string>();
        void Add(string name, string? value, bool keep)
        {
            if (keep && value is not null)
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
        Add("view", ViewName(View), View != CalendarView.TwoWeeks);
        Add("date", Date is { } d ? EventJson.DatePattern.Format(d) : null, View != CalendarView.TwoWeeks);
        Add("kind", DeadlineKind, true);
        Add("idleDays", Number(IdleDays), IdleDays != CaseloadWork.IdleDays);
        Add("deadlinesPage", Number(DeadlinesPage), DeadlinesPage > 1);
        Add("hearingsPage", Number(HearingsPage), HearingsPage > 1);
        Add("departuresPage", Number(DeparturesPage), DeparturesPage > 1);
        Add("idlePage", Number(IdlePage), IdlePage > 1);
        Add("casesPage", Number(CasesPage), CasesPage > 1);
        return "/work" + (parts.Count == 0 ? "" : "?" + string.Join("&", parts)) + "#" + fragment;
    }

    /// <summary>The other choices, as hidden inputs of a filter form that changes one list.</summary>
    public IEnumerable<(string Name, string Value)> Hidden(params string[] except)
    {
        var all = new List<(string, string)>
        {
            ("view", ViewName(View)),
            ("idleDays", IdleDays.ToString(CultureInfo.InvariantCulture)),
        };
        if (Date is { } d)
        {
            all.Add(("date", EventJson.DatePattern.Format(d)));
        }

        if (DeadlineKind is not null)
        {
            all.Add(("kind", DeadlineKind));
        }

        return all.Where(p => !except.Contains(p.Item1));
    }
}
