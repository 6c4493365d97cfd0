using NodaTime;

namespace Docket.Domain.Events;

/// <summary>Admission; no <see cref="AdmittedUntil"/> means admitted for duration of status.</summary>
public sealed record Admitted(string ClassOfAdmission, LocalDate? AdmittedUntil = null) : CaseEvent;

public sealed record Paroled(LocalDate? Until = null) : CaseEvent;

/// <summary>An arrival without inspection; <c>on</c> is the arrival date (the last one counts for ASY-1YR).</summary>
public sealed record Entered(EntryMethod How) : CaseEvent;
