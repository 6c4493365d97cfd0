using System.Reflection;
using Docket.Domain.Deadlines;

namespace Docket.Domain.Tests.Deadlines;

/// <summary>Every deadline kind says what its date means, and first-hearing-earliest is an earliest day.</summary>
public sealed class DeadlineMeanings
{
    private static IEnumerable<string> Kinds() =>
        typeof(DeadlineKinds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);

    [Fact]
    public void Every_kind_has_a_plain_description()
    {
        Assert.Equal(Kinds().Order(StringComparer.Ordinal), DeadlineMeaning.KnownKinds.Order(StringComparer.Ordinal));
        Assert.All(Kinds(), kind => Assert.True(DeadlineMeaning.Describe(kind).Length > 20, kind));
    }

    [Fact]
    public void The_first_hearing_date_is_an_earliest_day_and_every_other_kind_a_last_day()
    {
        Assert.Equal(DeadlineDateIs.EarliestDay, DeadlineMeaning.DateIs(DeadlineKinds.FirstHearingEarliest));
        Assert.All(Kinds().Where(k => k != DeadlineKinds.FirstHearingEarliest), kind => Assert.Equal(DeadlineDateIs.LastDay, DeadlineMeaning.DateIs(kind)));
    }
}
