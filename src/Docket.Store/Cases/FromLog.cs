namespace Docket.Store.Cases;

/// <summary>
/// The columns of <c>cases</c> that are read back from the case's own events rather than folded:
/// when the last event was recorded (idle cases) and the departure report awaiting verification
/// (the queue: a case's last <c>DepartureReported</c>, when no verification, rejection or newer
/// report came after it). One SET clause, so that the writer and the migration that fills the
/// columns of an existing database agree.
/// </summary>
internal static class FromLog
{
    public const string Columns = """
        last_recorded_at =
          (SELECT e.recorded_at FROM events e WHERE e.a_number = cases.a_number ORDER BY e.version DESC LIMIT 1),
        pending_departure_version =
          (SELECT CASE WHEN e.type = 'DepartureReported' THEN e.version END FROM events e
           WHERE e.a_number = cases.a_number AND e.type IN ('DepartureReported', 'DepartureVerified', 'DepartureRejected')
           ORDER BY e.version DESC LIMIT 1),
        pending_departure_on =
          (SELECT CASE WHEN e.type = 'DepartureReported' THEN e.effective_on END FROM events e
           WHERE e.a_number = cases.a_number AND e.type IN ('DepartureReported', 'DepartureVerified', 'DepartureRejected')
           ORDER BY e.version DESC LIMIT 1)
        """;
}
