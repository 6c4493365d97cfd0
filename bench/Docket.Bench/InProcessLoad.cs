using System.Text.Json;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Store;
using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Store.Users;

namespace Docket.Bench;

/// <summary>
/// The peer's measurements on Docket's own services, called in-process as Marten is (no HTTP,
/// no token check): the same singletons the endpoints call, resolved from a running server.
/// An append still parses the event strictly, reads and folds its case, judges the safeguards
/// and commits through the group-committing writer (hash chain, Merkle leaf, summary,
/// statistics) before it returns; a read still reads and folds the whole case and writes its
/// access-log entry first. Set beside the HTTP figures, the pair says how much of the distance to
/// Marten is the event store and how much the web request around it.
/// </summary>
internal sealed class InProcessLoad(DatabaseTarget target, string keyPath, int clients, TimeSpan duration, TimeSpan warmUp)
{
    private const string RecordedBy = "bench-in-process";

    /// <summary>One round on the <paramref name="round"/>-th set of cases (ApiLoad.CasesOfRoundAsync).</summary>
    public async Task<LoadResult> AppendAsync(int round)
    {
        await using var server = await ApiLoad.StartServerAsync(target, keyPath);
        var cases = server.App.Services.GetRequiredService<CaseLog>();
        var (mine, versions) = await ApiLoad.CasesOfRoundAsync(target, clients, round);
        return await WarmedUpAsync("appends in-process", async (client, i) =>
        {
            var owned = (mine.Count + clients - 1 - client) / clients;
            var aNumber = owned > 0 ? mine[client + (clients * (i % owned))] : mine[client % mine.Count];
            using var body = JsonDocument.Parse($"{{\"type\":\"MailingAddressChanged\",\"on\":\"2026-11-2{i % 9}\",\"address\":\"{i} Invented Lane, Springfield\"}}");
            if (EventJson.Parse(body.RootElement).Event is not { } @event)
            {
                return false;
            }

            if (await cases.AppendAsync(ANumber.Parse(aNumber), versions[aNumber], @event, RecordedBy) is CaseCommandResult.Appended)
            {
                versions[aNumber]++;
                return true;
            }

            return false;
        });
    }

    public async Task<LoadResult> ReadAsync()
    {
        await using var server = await ApiLoad.StartServerAsync(target, keyPath);
        var reader = server.App.Services.GetRequiredService<EventReader>();
        var accessLog = server.App.Services.GetRequiredService<AccessLog>();
        var cases = await ApiLoad.OfficeCasesAsync(target, 10_000);
        return await WarmedUpAsync("case reads in-process", async (client, i) =>
        {
            var aNumber = cases[Random.Shared.Next(cases.Count)];
            var rows = await reader.ReadStreamAsync(aNumber);
            if (rows.Count == 0)
            {
                return false;
            }

            var state = reader.Fold(rows);
            await accessLog.RecordAsync(new AccessLogRow
            {
                At = "",
                UserName = RecordedBy,
                Role = UserRoles.Officer,
                Office = ApiLoad.Office,
                ANumber = aNumber,
                Purpose = "case",
                Outcome = "allowed",
            });
            return state.Identity is not null;
        });
    }

    private Task<LoadResult> WarmedUpAsync(string name, Func<int, int, Task<bool>> operation) => ClosedLoop.WarmedUpAsync(name, clients, warmUp, duration, operation);
}
