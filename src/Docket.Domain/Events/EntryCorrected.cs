using System.Text.Json;

namespace Docket.Domain.Events;

/// <summary>
/// Corrects an earlier event without rewriting it: the log keeps both, and the case state
/// reads <see cref="Replacement"/> (a full event body, <c>{type, on, ...}</c>) in place of
/// the event at <see cref="CorrectsVersion"/>.
/// </summary>
public sealed record EntryCorrected(int CorrectsVersion, [FreeText] string Reason, JsonElement Replacement) : CaseEvent;
