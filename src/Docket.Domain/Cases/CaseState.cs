using System.Collections.Immutable;
using Docket.Domain.Events;
using NodaTime;

namespace Docket.Domain.Cases;

/// <summary>
/// What the history of one case adds up to: a pure, deterministic fold over its events
/// (<see cref="CaseHistory.Fold"/>). Immutable; each event gives a new state.
/// </summary>
public sealed record CaseState
{
    public static CaseState Empty { get; } = new();

    public CaseIdentity? Identity { get; init; }

    public AttorneyOfRecord? Attorney { get; init; }

    public CaseStage Stage { get; init; } = CaseStage.PreProceedings;

    /// <summary>The number of events in the stream, corrections included: the version an append must expect.</summary>
    public int Version { get; init; }

    public string? MailingAddress { get; init; }

    public LocalDate? NoticeToAppearServedOn { get; init; }

    /// <summary>The hearing currently set; a new setting replaces the previous one.</summary>
    public Hearing? ScheduledHearing { get; init; }

    public JudgeDecided? Decision { get; init; }

    public ImmutableList<CaseEvent> Events { get; init; } = [];

    public bool Exists => Identity is not null;

    /// <summary>The hearing set for <paramref name="today"/> or later, if any.</summary>
    public Hearing? NextHearing(LocalDate today) =>
        ScheduledHearing is { } hearing && hearing.Date >= today ? hearing : null;
}
