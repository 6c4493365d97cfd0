using Docket.Store;
using NodaTime;

namespace Docket.Web;

/// <summary>How to run the web host: which database, where to listen, which clock.</summary>
public sealed record DocketWebOptions
{
    public DatabaseTarget Database { get; init; } = DatabaseTarget.Default;

    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Injected so tests can fix "now"; legal dates are read in <see cref="LegalTimeZone"/>.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>EOIR counts filing days in Eastern time, so "today" is the date there.</summary>
    public string LegalTimeZone { get; init; } = "America/New_York";

    public string Environment { get; init; } = "Production";

    /// <summary>
    /// How long a token found active is trusted without asking the database again: the longest a
    /// revocation by another process (<c>docket users revoke</c>) can go unseen by this server.
    /// Revocations through this server's own user store, and expiries, take effect at once.
    /// </summary>
    public Duration TokensTrustedFor { get; init; } = Duration.FromSeconds(5);

    /// <summary>
    /// The court calendar; when null it is read from configuration: <c>Docket:Calendar:ExtraClosures</c>
    /// (dates, YYYY-MM-DD) and <c>Docket:Calendar:InaugurationDayClosed</c> (default true).
    /// </summary>
    public Docket.Domain.Calendar.CourtCalendar? Calendar { get; init; }

    /// <summary>Checkpoint key path and schedule; null fields are read from <c>Docket:Checkpoints:*</c> configuration.</summary>
    public Audit.CheckpointSettings? Checkpoints { get; init; }

    /// <summary>
    /// Whether the host keeps the statistics projection up with the log in the background (and
    /// issues the monthly releases). On unless code turns it off: it is not read from configuration,
    /// and <c>docket serve</c> never turns it off. Only the benchmark does, to measure the write path
    /// without statistics maintenance in the same run; off, the published figures stand still.
    /// </summary>
    public bool MaintainsStatistics { get; init; } = true;
}
