namespace Docket.Store;

/// <summary>What a probe of the database found: whether it answered, and a line for an operator.</summary>
public sealed record DatabaseProbeResult(bool Reachable, string Description);

/// <summary>
/// Asks the database a trivial question, for health checks: a connection opens and a query
/// returns. It never throws for an unreachable database; that is the answer it reports.
/// </summary>
public sealed class DatabaseProbe(DocketDatabase database)
{
    public async Task<DatabaseProbeResult> ProbeAsync(CancellationToken cancellationToken = default)
    {
        var provider = database.Target.Provider;
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return new DatabaseProbeResult(true, $"{provider} reachable");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new DatabaseProbeResult(false, $"{provider} unreachable: {ex.Message}");
        }
    }
}
