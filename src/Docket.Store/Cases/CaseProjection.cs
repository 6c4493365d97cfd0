using Docket.Domain.Cases;
using Docket.Store.Events;
using Microsoft.EntityFrameworkCore;

namespace Docket.Store.Cases;

/// <summary>
/// Rebuilds case summary rows from the log, a few hundred cases at a time, folding each case
/// from its events. Used after an import, which writes events without summaries so that it
/// never has to hold a million case states in memory. Safe to run again at any time.
/// </summary>
public static class CaseProjection
{
    private const int CasesPerBatch = 500;

    public static async Task RebuildAsync(DocketDatabase database, IEnumerable<string> aNumbers, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        long done = 0;
        foreach (var chunk in aNumbers.Chunk(CasesPerBatch))
        {
            List<EventRow> rows;
            await using (var context = database.CreateContext())
            {
                rows = await context.Events.AsNoTracking()
                    .Where(e => chunk.Contains(e.ANumber))
                    .OrderBy(e => e.ANumber).ThenBy(e => e.Version)
                    .ToListAsync(cancellationToken);
            }

            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var turn = await database.TakeWriteTurnAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var summaries = rows.GroupBy(r => r.ANumber)
                .Select(stream => CaseHistory.Fold(EventReader.ToDomain(stream)))
                .Where(state => state.Exists)
                .Select(state => CaseLog.Summary(state, AccessCodes.NoneIssued))
                .ToList();
            await CaseSummaryWriter.UpsertManyAsync(connection, transaction, summaries, cancellationToken);

            await transaction.CommitAsync(cancellationToken);
            progress?.Report(done += chunk.Length);
        }
    }
}
