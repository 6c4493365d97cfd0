using NodaTime;

namespace Docket.Domain.Events;

public sealed record NoticeToAppearServed(
    ServiceMethod Method,
    LocalDate? HearingDate = null,
    string? HearingPlace = null,
    IReadOnlyList<string>? Charges = null) : CaseEvent;

public sealed record HearingScheduled(
    LocalDate Date,
    HearingKind Kind,
    string Court,
    bool? EarlierDateRequested = null) : CaseEvent;

public sealed record ApplicationFiled(Relief Relief) : CaseEvent;
