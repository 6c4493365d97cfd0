using System.CommandLine;
using Docket.Domain.Calendar;
using Docket.Domain.Statistics;
using Docket.Store.Statistics;
using NodaTime;

namespace Docket.Cli.Commands;

/// <summary>
/// <c>docket stats release [--through YYYY-MM]</c>: catches the statistics projection up with the
/// log and issues a release through the last complete month (or the month given), unless the
/// latest release already holds exactly these tables; prints one line naming it.
/// <c>docket stats rebuild</c>: forgets the projection's cells and counts the whole log again.
/// </summary>
internal static class StatsCommand
{
    public static Command Create(IClock clock) => new("stats", "Public statistics: issue a release, or rebuild the cells from the log.")
    {
        Release(clock),
        Rebuild(),
    };

    private static Command Release(IClock clock)
    {
        var db = CliOptions.Database();
        var through = new Option<string?>("--through") { Description = "the last month the release covers, YYYY-MM (default: the last complete month)" };
        var command = new Command("release", "Issue a numbered, immutable statistics release covering every complete month up to --through.") { db, through };
        command.SetAction(async (parse, ct) =>
        {
            YearMonth? last = null;
            if (parse.GetValue(through) is { } text)
            {
                last = StatisticsMonth.TryParse(text, out var month) ? month : throw new FormatException($"--through '{text}' must be a month written YYYY-MM");
            }

            var database = await CliOptions.OpenExistingAsync(parse.GetValue(db)!, "stats release reads an existing database", ct);
            var releases = new StatisticsReleases(database, new StatisticsProjection(database, CourtCalendar.Default), clock, LegalClock.InDefaultZone(clock));
            var result = await releases.IssueAsync(last, cancellationToken: ct);
            var summary = result.Release.Summary;
            await parse.InvocationConfiguration.Output.WriteLineAsync(result.Issued
                ? $"release {summary.Number} issued at {summary.IssuedAt}, through {summary.ThroughMonth}: {summary.Note}"
                : $"release {summary.Number} (through {summary.ThroughMonth}) is current: no figure changed, nothing issued");
            return DocketCli.Ok;
        });
        return command;
    }

    private static Command Rebuild()
    {
        var db = CliOptions.Database();
        var command = new Command("rebuild", "Forget the statistics cells and count them again from the whole log (releases are not touched).") { db };
        command.SetAction(async (parse, ct) =>
        {
            var database = await CliOptions.OpenExistingAsync(parse.GetValue(db)!, "stats rebuild reads an existing database", ct);
            var position = await new StatisticsProjection(database, CourtCalendar.Default).RebuildAsync(ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"statistics rebuilt from the log: {position} events counted");
            return DocketCli.Ok;
        });
        return command;
    }
}
