using System.Text.Json;
using Docket.Domain.Events;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>A well-formed body of every type parses, and serializing the event gives the body back.</summary>
public sealed class RoundTrip
{
    public static TheoryData<string, string> Bodies => WellFormedBodies.Rows();

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_well_formed_body_parses_to_an_event_of_its_type(string type, string body)
    {
        var parsed = Parsing.Accepted(body);

        Assert.Equal(type, parsed.Type);
        Assert.Equal(EventTypes.ByName[type], parsed.GetType());
        Assert.Equal(JsonDocument.Parse(body).RootElement.GetProperty("on").GetString(), EventJson.DatePattern.Format(parsed.On));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_parsed_event_serializes_back_to_its_canonical_body(string type, string body)
    {
        var parsed = Parsing.Accepted(body);

        var written = EventJson.SerializeBody(parsed);

        Assert.True(JsonElement.DeepEquals(Json.Element(body), Json.Element(written)), $"{type}: {written}");
        Assert.Equal(body, written);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_serialized_event_parses_again_to_an_equivalent_event(string type, string body)
    {
        var first = Parsing.Accepted(body);

        var second = Parsing.Accepted(EventJson.SerializeBody(first));

        Assert.Equal(type, second.Type);
        Assert.Equal(first.On, second.On);
        Assert.Equal(EventJson.SerializePayload(first), EventJson.SerializePayload(second));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_stored_payload_parses_back_to_the_same_event(string type, string body)
    {
        var parsed = Parsing.Accepted(body);
        var payload = EventJson.SerializePayload(parsed);

        var stored = EventJson.ParsePayload(type, parsed.On, payload);

        Assert.True(stored.Succeeded, string.Join("; ", stored.Errors));
        Assert.Equal(body, EventJson.SerializeBody(stored.Event!));
    }
}
