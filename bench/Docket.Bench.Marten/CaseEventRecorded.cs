using System.Text.Json;

namespace Docket.Bench.Marten;

/// <summary>
/// One line of the workload as a Marten event: the event's type and its body as Docket receives
/// it, so both stores hold the same payload bytes per event.
/// </summary>
public sealed record CaseEventRecorded(string Type, JsonElement Body);

/// <summary>
/// The aggregate the stream reads fold into: Marten's live aggregation of one case's stream.
/// Deliberately small (Docket folds far more: the stage, deadlines, safeguards' inputs), so the
/// comparison favours Marten.
/// </summary>
public sealed class CaseStream
{
    public string Id { get; set; } = "";

    public int Events { get; set; }

    public string? LastType { get; set; }

    public string? Office { get; set; }

    public void Apply(CaseEventRecorded recorded)
    {
        Events++;
        LastType = recorded.Type;
        if (recorded.Body.TryGetProperty("office", out var office))
        {
            Office = office.GetString();
        }
    }
}
