using System.Globalization;
using System.Text.Json;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Docket.Web.Language;

/// <summary>
/// A case in plain sentences for the person whose case it is: what the stage means, what they must
/// do by when, what the judge decided, and why (each rule in plain words). Short sentences, no
/// rule ids in the text: the rule id is given beside each sentence for the "why" link.
/// </summary>
public sealed class PlainCaseWords(IStringLocalizer<PlainText> text, LanguageDates dates)
{
    /// <summary>EOIR's public list of pro bono legal service providers.</summary>
    public const string ProBonoProviders = "https://www.justice.gov/eoir/list-pro-bono-legal-service-providers";

    public string StageName(CaseStage stage) => text[$"Stage.{Wire(stage)}.Name"];

    public string StageMeaning(CaseStage stage) => text[$"Stage.{Wire(stage)}.Meaning"];

    /// <summary>"You have until Thursday, 31 December 2026 to appeal ..." or, once passed, that it has passed.</summary>
    public string Deadline(string kind, LocalDate due, bool passed) =>
        string.Format(CultureInfo.InvariantCulture, text[$"Deadline.{kind}.{(passed ? "Passed" : "Due")}"], dates.WithWeekday(due));

    /// <summary>"12 days left", "Today is the last day", "Passed"; for an earliest day, "In 12 days".</summary>
    public string DaysLeft(int daysLeft, bool earliestDay)
    {
        var family = earliestDay ? "DaysFrom" : "DaysLeft";
        return daysLeft switch
        {
            < 0 => text[earliestDay ? "DaysFrom.Today" : "DaysLeft.Passed"],
            0 => text[$"{family}.Today"],
            1 => text[$"{family}.One"],
            _ => string.Format(CultureInfo.InvariantCulture, text[$"{family}.Many"], daysLeft),
        };
    }

    public string? Decision(JudgeDecided? decision)
    {
        if (decision is null)
        {
            return null;
        }

        var what = text[$"Decision.{JsonNamingPolicy.KebabCaseLower.ConvertName(decision.Outcome.ToString())}"].Value;
        return decision.InAbsentia ? $"{what} {text["Decision.InAbsentia"]}" : what;
    }

    public string FinalSince(LocalDate since) =>
        string.Format(CultureInfo.InvariantCulture, text["Decision.Final"], dates.WithWeekday(since));

    public string Hearing(LocalDate date, string court) =>
        string.Format(CultureInfo.InvariantCulture, text["Hearing.Next"], dates.WithWeekday(date), court);

    public string NoHearing => text["Hearing.None"];

    /// <summary>The rule in plain words, for the "why" of a sentence.</summary>
    public string Rule(string ruleId) => text[$"Rule.{ruleId}"];

    public string Words(string key) => text[key];

    /// <summary>"Case officer", "Attorney of record"; a role without words is shown as recorded.</summary>
    public string Role(string role) => OrAsRecorded($"Role.{role}", role);

    /// <summary>Why a reader opened the file, in plain words; a break-glass read shows its stated reason.</summary>
    public string Purpose(string purpose, bool breakGlass, string? reason) => breakGlass
        ? string.Format(CultureInfo.InvariantCulture, text["Read.BreakGlass"], reason ?? purpose)
        : OrAsRecorded($"Purpose.{purpose}", purpose);

    private string OrAsRecorded(string key, string recorded) => text[key] is { ResourceNotFound: false } found ? found.Value : recorded;

    private static string Wire(CaseStage stage) => JsonNamingPolicy.KebabCaseLower.ConvertName(stage.ToString());
}
