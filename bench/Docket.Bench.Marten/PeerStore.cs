using JasperFx;
using JasperFx.Events;
using Marten;

namespace Docket.Bench.Marten;

/// <summary>
/// Marten configured as its documentation recommends for speed: string stream keys (the
/// A-number), System.Text.Json, and the quick append mode for loading.
/// </summary>
internal static class PeerStore
{
    public const string Schema = "marten_peer";

    public static DocumentStore Open(string connectionString, EventAppendMode mode) =>
        DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = Schema;
            options.UseSystemTextJsonForSerialization();
            options.Events.StreamIdentity = StreamIdentity.AsString;
            options.Events.AppendMode = mode;
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.Events.AddEventType<CaseEventRecorded>();
        });
}
