using System.Text.Json;
using Docket.Domain.Cases;

namespace Docket.Domain.Events;

/// <summary>Shape checks that span more than one field of a single event.</summary>
internal static class EventShape
{
    /// <summary>
    /// Which fields a body must give or leave out, where that depends on another field. Checked
    /// with the other presence rules, before the event is read, so all are reported together.
    /// </summary>
    public static IEnumerable<string> CheckFields(string type, IReadOnlyDictionary<string, JsonElement> fields)
    {
        if (type != nameof(JudgeDecided))
        {
            yield break;
        }

        // The one conditional field of the vocabulary: appeal is stated unless the order was
        // entered in absentia, which cannot be appealed (APPEAL-NONE-INABSENTIA). Null is absent.
        var inAbsentia = fields.TryGetValue("inAbsentia", out var flag) && flag.ValueKind == JsonValueKind.True;
        var appeal = fields.TryGetValue("appeal", out var value) && value.ValueKind != JsonValueKind.Null;
        if (!inAbsentia && !appeal)
        {
            yield return "appeal: is required (reserved or waived) unless the order was entered in absentia";
        }
        else if (inAbsentia && appeal)
        {
            yield return "appeal: must be omitted for an in-absentia order, which cannot be appealed (APPEAL-NONE-INABSENTIA)";
        }
    }

    /// <summary>Checks of the event once read.</summary>
    public static IEnumerable<string> Check(CaseEvent @event, Reading reading)
    {
        switch (@event)
        {
            case CaseOpened opened when !ANumber.TryParse(opened.ANumber, out _):
                yield return "aNumber: must be 9 digits ('A' prefix, spaces and dashes allowed)";
                break;
            case EntryCorrected corrected:
                if (corrected.CorrectsVersion < 1)
                {
                    yield return "correctsVersion: must be the version (1 or more) of the event being corrected";
                }

                if (corrected.Replacement.ValueKind != JsonValueKind.Object)
                {
                    yield return "replacement: must be an event body, a JSON object {type, on, ...fields}";
                    break;
                }

                var replacement = StrictReader.Read(corrected.Replacement, routingField: null, reading);
                foreach (var error in replacement.Errors)
                {
                    yield return $"replacement.{error}";
                }

                if (replacement.Event is CaseOpened or EntryCorrected)
                {
                    yield return $"replacement: a {replacement.Event.Type} cannot be a replacement";
                }

                break;
        }
    }
}
