using System.Text;
using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Domain.Rules;
using Docket.Domain.Tests.Scenarios;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Stages;

/// <summary>
/// Every event type against every stage: the decider refuses what the stage table refuses,
/// with a rule id or a reason naming the stage, and the table written in docs/stages.md is the
/// table the Domain enforces.
/// </summary>
public sealed class StageTableTests
{
    public static TheoryData<CaseStage, string> EveryStageAndType()
    {
        var data = new TheoryData<CaseStage, string>();
        foreach (var stage in Enum.GetValues<CaseStage>())
        {
            foreach (var type in SampleEvents.Types)
            {
                data.Add(stage, type);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStageAndType))]
    public void The_decider_enforces_the_stage_table(CaseStage stage, string type)
    {
        var state = StageHistories.State(stage);
        Assert.Equal(stage, StageHistories.StageOn(state));
        var @event = SampleEvents.Of(type, StageHistories.Today);

        var decision = CaseDecider.Decide(state, @event, CourtCalendar.Default, StageHistories.Today);

        var stageReason = $"cannot be recorded on a case in stage {StageTable.Wire(stage)}";
        if (StageTable.Allows(stage, @event.GetType()))
        {
            Assert.DoesNotContain(decision.Problems, p => p.Contains(stageReason, StringComparison.Ordinal));
            Assert.DoesNotContain(decision.Violations, v => v.Rule == RuleIds.AppealDeparture);
        }
        else
        {
            Assert.False(decision.Accepted, $"{type} was accepted in stage {StageTable.Wire(stage)}");
            Assert.True(
                decision.Problems.Any(p => p.Contains(stageReason, StringComparison.Ordinal)) || decision.Violations.Count > 0,
                $"{type} in stage {StageTable.Wire(stage)} was refused without the stage's reason or a rule id: {string.Join("; ", decision.Problems)}");
        }
    }

    [Fact]
    public void Every_type_that_can_be_appended_has_a_sample_and_a_row()
    {
        Assert.Equal(
            StageTable.AppendableTypes.Select(t => t.Name).Order(StringComparer.Ordinal),
            SampleEvents.Types.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void After_removal_only_corrections_motions_review_and_closing_are_accepted()
    {
        Assert.Equal(
            ["AttorneyEntered", "AttorneyWithdrew", "CaseClosed", "EntryCorrected", "MailingAddressChanged", "MotionDecided", "MotionFiled", "PetitionForReviewFiled"],
            StageTable.Accepts[CaseStage.Removed].Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_appeal_after_removal_cites_APPEAL_DEPARTURE()
    {
        var decision = CaseDecider.Decide(StageHistories.State(CaseStage.Removed), new AppealFiled { On = StageHistories.Today }, CourtCalendar.Default, StageHistories.Today);

        Assert.Contains(decision.Violations, v => v.Rule == RuleIds.AppealDeparture);
    }

    [Fact]
    public void The_documented_table_is_the_enforced_table()
    {
        var documented = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "stages.md"));
        var expected = Render();
        Assert.True(documented.Contains(expected, StringComparison.Ordinal),
            $"docs/stages.md does not hold the stage table the Domain enforces; it should contain:\n{expected}");
    }

    /// <summary>The table as docs/stages.md writes it: a row per event type, a column per stage.</summary>
    internal static string Render()
    {
        var stages = Enum.GetValues<CaseStage>();
        var text = new StringBuilder();
        text.Append("| event |").AppendJoin("", stages.Select(s => $" {StageTable.Wire(s)} |")).Append('\n');
        text.Append("| --- |").AppendJoin("", stages.Select(_ => " :-: |")).Append('\n');
        foreach (var type in SampleEvents.Types)
        {
            var eventType = EventTypes.ByName[type];
            text.Append($"| `{type}` |").AppendJoin("", stages.Select(s => StageTable.Allows(s, eventType) ? " yes |" : " no |")).Append('\n');
        }

        return text.ToString();
    }
}
