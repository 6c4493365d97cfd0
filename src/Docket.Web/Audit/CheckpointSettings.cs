using System.Globalization;
using Docket.Store;
using Docket.Store.Audit;

namespace Docket.Web.Audit;

/// <summary>
/// When checkpoints are issued and where the signing key lives. Any field left null is read
/// from configuration (<c>Docket:Checkpoints:KeyPath</c>, <c>:EveryEvents</c>, <c>:EverySeconds</c>),
/// then defaults: the key next to the SQLite file (or <c>./docket-checkpoint-key.pem</c> for
/// PostgreSQL), a checkpoint every 1000 events or 60 seconds, whichever comes first, and only
/// when the log grew.
/// </summary>
public sealed record CheckpointSettings
{
    public string? KeyPath { get; init; }

    public int? EveryEvents { get; init; }

    public double? EverySeconds { get; init; }

    public static CheckpointSettings Resolve(CheckpointSettings? given, IConfiguration configuration, DatabaseTarget database)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Docket:Checkpoints");
        var settings = new CheckpointSettings
        {
            KeyPath = given?.KeyPath ?? section["KeyPath"] ?? CheckpointKeyFile.DefaultPath(database),
            EveryEvents = given?.EveryEvents ?? (Number(section, "EveryEvents") is { } events ? (int)events : 1000),
            EverySeconds = given?.EverySeconds ?? Number(section, "EverySeconds") ?? 60,
        };
        if (settings.EveryEvents < 1 || settings.EverySeconds <= 0)
        {
            throw new InvalidOperationException("Docket:Checkpoints:EveryEvents must be 1 or more and Docket:Checkpoints:EverySeconds more than 0.");
        }

        return settings;
    }

    private static double? Number(IConfigurationSection section, string name) =>
        section[name] is { } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidOperationException($"Docket:Checkpoints:{name} must be a number, not '{text}'.")
            : null;
}
