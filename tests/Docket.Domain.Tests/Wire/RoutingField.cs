using Docket.Domain.Events;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>
/// An import line names its case beside the event (<c>{aNumber, type, on, ...}</c>): the routing
/// field is a field only of the event that has it (the opening) and is not refused elsewhere.
/// </summary>
public sealed class RoutingField
{
    [Fact]
    public void A_routing_field_beside_an_event_without_it_is_left_out_of_the_event()
    {
        var result = EventJson.Parse(Json.Element("""{"aNumber":"212345678","type":"AppealFiled","on":"2024-09-20"}"""), routingField: "aNumber");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.DoesNotContain("aNumber", EventJson.SerializePayload(result.Event!), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_routing_field_the_same_body_is_refused_naming_the_field()
    {
        Parsing.Refused("""{"aNumber":"212345678","type":"AppealFiled","on":"2024-09-20"}""", "aNumber");
    }

    [Fact]
    public void The_opening_reads_the_routing_field_as_its_own_A_number()
    {
        var result = EventJson.Parse(
            Json.Element("""{"aNumber":"212345678","type":"CaseOpened","on":"2024-02-01","familyName":"Quillfeather","givenNames":"Anselm","dateOfBirth":"1990-01-02","citizenship":"GTM","office":"NYC"}"""),
            routingField: "aNumber");

        Assert.Equal("212345678", Assert.IsType<CaseOpened>(result.Event).ANumber);
    }

    [Fact]
    public void A_routing_field_given_twice_is_refused()
    {
        var result = EventJson.Parse(Json.Element("""{"aNumber":"212345678","aNumber":"212345679","type":"AppealFiled","on":"2024-09-20"}"""), routingField: "aNumber");

        Assert.Contains("aNumber: appears more than once", result.Errors);
    }
}
