using Docket.Domain.Cases;

namespace Docket.Domain.Events;

/// <summary>Shape checks that span more than one field of a single event.</summary>
internal static class EventShape
{
    public static IEnumerable<string> Check(CaseEvent @event)
    {
        switch (@event)
        {
            case CaseOpened opened when !ANumber.TryParse(opened.ANumber, out _):
                yield return "aNumber: must be 9 digits ('A' prefix, spaces and dashes allowed)";
                break;
            case JudgeDecided { InAbsentia: false, Appeal: null }:
                yield return "appeal: is required (reserved or waived) unless the order was entered in absentia";
                break;
            case JudgeDecided { InAbsentia: true, Appeal: not null }:
                yield return "appeal: must be omitted for an in-absentia order, which cannot be appealed (APPEAL-NONE-INABSENTIA)";
                break;
            case EntryCorrected corrected:
                if (corrected.CorrectsVersion < 1)
                {
                    yield return "correctsVersion: must be the version (1 or more) of the event being corrected";
                }

                if (corrected.Replacement.ValueKind != System.Text.Json.JsonValueKind.Object)
                {
                    yield return "replacement: must be an event body, a JSON object {type, on, ...fields}";
                    break;
                }

                var replacement = EventJson.Parse(corrected.Replacement);
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
