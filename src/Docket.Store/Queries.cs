using System.Data.Common;
using Npgsql;

namespace Docket.Store;

/// <summary>
/// Reads of one transaction gathered to be sent together, each with what to do with its rows: on
/// PostgreSQL one <see cref="NpgsqlBatch"/> (one round trip, its statements run in order, so a
/// lock taken by the first holds for the rest); on SQLite one after another, in-process. The
/// reading side of <see cref="Statements"/>. Parameters are named <c>@name</c> in the text and
/// given without the <c>@</c>.
/// </summary>
internal sealed class Queries
{
    private readonly List<(string Text, Action<DbDataReader> Row, (string Name, object? Value)[] Parameters)> queries = [];

    public void Add(string text, Action<DbDataReader> row, params (string Name, object? Value)[] parameters) => queries.Add((text, row, parameters));

    public async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (queries.Count == 0)
        {
            return;
        }

        if (connection is NpgsqlConnection postgres)
        {
            await using var batch = Statements.PostgresBatch(postgres, transaction, queries.Select(q => (q.Text, q.Parameters)));

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            foreach (var (_, row, _) in queries)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    row(reader);
                }

                await reader.NextResultAsync(cancellationToken);
            }

            return;
        }

        foreach (var (text, row, parameters) in queries)
        {
            await using var command = Audit.Sql.Command(connection, transaction, text);
            foreach (var (name, value) in parameters)
            {
                Audit.Sql.Add(command, "@" + name, value ?? DBNull.Value);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                row(reader);
            }
        }
    }
}
