using System.Data.Common;
using Npgsql;

namespace Docket.Store;

/// <summary>
/// Writes of one transaction gathered to be sent together: on PostgreSQL as one
/// <see cref="NpgsqlBatch"/>, a single round trip however many statements (the event writer's
/// commit is serial, and its round trips were what kept its appends behind Marten's, measured in
/// bench/ANALYSIS.md); on SQLite one after another, in-process, where there is no round trip to save.
/// Parameters are named <c>@name</c> in the text and given without the <c>@</c>.
/// </summary>
internal sealed class Statements
{
    /// <summary>
    /// Up to this many rows, PostgreSQL takes them as one statement among the others (arrays
    /// unnested into rows); more, and binary COPY, two round trips of its own, is the faster way.
    /// </summary>
    public const int RowsInOneStatement = 1000;

    private readonly List<(string Text, (string Name, object? Value)[] Parameters)> statements = [];

    public int Count => statements.Count;

    public void Add(string text, params (string Name, object? Value)[] parameters) => statements.Add((text, parameters));

    /// <summary>Sends every statement gathered so far, in order, and forgets them.</summary>
    public async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
        {
            return;
        }

        if (connection is NpgsqlConnection postgres)
        {
            await using var batch = PostgresBatch(postgres, transaction, statements);
            await batch.ExecuteNonQueryAsync(cancellationToken);
            statements.Clear();
            return;
        }

        // One command per distinct text, rebound for each of its statements: what the
        // per-row loops did before (a statement compiled once, not once a row).
        var commands = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        try
        {
            foreach (var (text, parameters) in statements)
            {
                if (!commands.TryGetValue(text, out var command))
                {
                    command = Audit.Sql.Command(connection, transaction, text);
                    commands[text] = command;
                }

                foreach (var (name, value) in parameters)
                {
                    Audit.Sql.Set(command, "@" + name, value ?? DBNull.Value);
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            statements.Clear();
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync();
            }
        }
    }

    /// <summary>One batch of the given statements, in order, in <paramref name="transaction"/>.</summary>
    public static NpgsqlBatch PostgresBatch(NpgsqlConnection connection, DbTransaction? transaction, IEnumerable<(string Text, (string Name, object? Value)[] Parameters)> statements)
    {
        var batch = new NpgsqlBatch(connection, (NpgsqlTransaction?)transaction);
        foreach (var (text, parameters) in statements)
        {
            var command = new NpgsqlBatchCommand(text);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
            }

            batch.BatchCommands.Add(command);
        }

        return batch;
    }
}
