using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Web.Cases.Reading;
using Docket.Web.Language;
using NodaTime;

namespace Docket.Web.SelfService;

/// <summary>One running deadline as a sentence: what to do by when, days left, and the rule behind it.</summary>
public sealed record PlainDeadline(string Kind, LocalDate Due, string DueText, bool Passed, string DaysLeft, string Sentence, string Rule, string Why);

/// <summary>The right to a lawyer at no cost to the government, and where free legal help is listed.</summary>
public sealed record PlainLegalHelp(string Sentence, string LinkText, string Url);

/// <summary>
/// The person's case in plain language, in the language of the request (<c>language</c>):
/// the field <c>plain</c> of GET /api/self-service/case, and what the person's pages show.
/// </summary>
public sealed record PlainCaseView(
    string Language,
    string StageName,
    string StageMeaning,
    string NextHearing,
    IReadOnlyList<PlainDeadline> Deadlines,
    string? Decision,
    string? FinalOrder,
    PlainLegalHelp LegalHelp)
{
    public static PlainCaseView From(CaseView view, CaseState state, PlainCaseWords words, LanguageDates dates) => new(
        DocketLanguages.Current,
        words.StageName(view.Stage),
        words.StageMeaning(view.Stage),
        view.NextHearing is { } h ? words.Hearing(h.Date, h.Court) : words.NoHearing,
        [.. view.Deadlines.Select(d => new PlainDeadline(
            d.Kind,
            d.Due,
            dates.WithWeekday(d.Due),
            d.Passed,
            words.DaysLeft(d.DaysLeft, DeadlineMeaning.DateIs(d.Kind) == DeadlineDateIs.EarliestDay),
            words.Deadline(d.Kind, d.Due, d.Passed),
            d.Rule,
            words.Rule(d.Rule)))],
        words.Decision(state.Decision),
        view.FinalOrder is { } f ? words.FinalSince(f.Since) : null,
        new PlainLegalHelp(words.Words("Help.RightToLawyer"), words.Words("Help.ProBonoLink"), PlainCaseWords.ProBonoProviders));
}
