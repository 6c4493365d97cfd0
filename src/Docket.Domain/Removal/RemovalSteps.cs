using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Domain.Rules;

namespace Docket.Domain.Removal;

/// <summary>The steps of the decision procedure, one method each, in the order docs/rules.md gives.</summary>
internal static class RemovalSteps
{
    private static string Wire<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Step 1: status and order (HOLDS, CLAIMED-STATUS, FINAL-1241).</summary>
    public static void StatusAndOrder(RemovalContext c)
    {
        var state = c.State;
        if (state.CitizenshipClaim is { Outcome: null })
        {
            c.Block(RuleIds.Holds, "A claim to U.S. citizenship is unresolved (INA 242(b)(5)); it must be resolved before any removal.");
        }
        else if (state.CitizenshipClaim is { Outcome: ClaimOutcome.Established })
        {
            c.Block(RuleIds.Holds, "U.S. citizenship was established; a citizen cannot be removed.");
        }

        if (state.Closure is { } closed)
        {
            c.Block(RuleIds.Final1241, $"The case is closed ({closed.Reason.ToString().ToLowerInvariant()}); there is no removal order to carry out.");
        }
        else if (state.Removal is not null || state.DepartureVerifiedOn is not null)
        {
            c.Block(RuleIds.Final1241, "The person has already left the United States (removal or verified departure is on record).");
        }
        else if (state.DepartureReport is { } report && report.On <= c.On)
        {
            // An unverified report is an unsettled fact: the person may already be gone, and a
            // departure under an outstanding order is itself a removal (8 CFR 241.7).
            c.Review(RuleIds.DepartSelfRemoval, $"A departure to {report.DestinationCountry} on {DateWords.Of(report.On)} was reported ({Wire(report.Source)}) and is not verified; whether the person is still in the United States must be settled first (verify or reject the report).");
        }

        if (state.Closure is null && state.Removal is null && state.DepartureVerifiedOn is null && !Proceedings.HasRemovalOrder(state))
        {
            c.Block(RuleIds.Final1241, state.Decision is { } decision
                ? $"The judge's decision ({decision.Outcome.ToString()}) is not a removal order."
                : "There is no removal order: no judge's order, expedited removal order, or the order was vacated, reopened or remanded.");
        }
    }

    /// <summary>Step 2: fear (ER-FEAR-REFER, CF-IJ-REVIEW).</summary>
    public static void Fear(RemovalContext c)
    {
        if (c.State.Fear is not { } fear)
        {
            return;
        }

        switch (fear.Screening)
        {
            case null:
                c.Block(RuleIds.ErFearRefer, $"Fear was expressed on {DateWords.Of(fear.ExpressedOn)}; removal may not proceed until the credible- or reasonable-fear screening is complete.");
                break;
            case { Outcome: ScreeningOutcome.Negative, JudgeReview: JudgeReview.Requested }:
                c.Block(RuleIds.CfIjReview, "The person asked an immigration judge to review the negative fear finding; removal waits for that review.");
                break;
            case { Outcome: ScreeningOutcome.Positive } or { JudgeReview: JudgeReview.Vacated } when c.State.Decision is null:
                c.Block(RuleIds.ErFearRefer, "The fear screening was positive (or the judge vacated a negative finding): the case goes to full proceedings, and the expedited order cannot be carried out.");
                break;
        }
    }

    /// <summary>Step 3: finality (APPEAL-IJ-30D, TIME-*, HOLIDAY-*, STAY-APPEAL, FINAL-1241).</summary>
    public static void Finality(RemovalContext c)
    {
        var state = c.State;
        if (state.Decision is null || !Proceedings.HasRemovalOrder(state))
        {
            return;
        }

        if (state.DecisionAppeal is { Pending: true } appeal)
        {
            c.Block(RuleIds.StayAppeal, $"An appeal to the BIA filed on {DateWords.Of(appeal.FiledOn)} is pending; the order is not executed until the BIA decides.");
        }
        else if (Proceedings.AppealWindowOpen(state, c.Calendar, c.On))
        {
            // The stay of 8 CFR 1003.6(a) is what forbids execution; the window's length is APPEAL-IJ-30D.
            var deadline = Proceedings.AppealDeadline(state, c.Calendar);
            c.Block(RuleIds.StayAppeal, $"The decision is not executed during the appeal period (8 CFR 1003.6(a)), which runs until {DateWords.Of(deadline)}.");
            c.Block(RuleIds.AppealIj30D, $"The appeal period runs until {DateWords.Of(deadline)} (30 days, rolled past weekends and holidays); the order cannot be executed before it ends.");
        }
        else if (Proceedings.Finality(state, c.Calendar, c.On) is null && Proceedings.VoluntaryDeparture(state, c.Calendar) is null)
        {
            c.Block(RuleIds.Final1241, $"The removal order is not administratively final on {DateWords.Of(c.On)}.");
        }
    }

    /// <summary>Step 4: voluntary departure (VD-*).</summary>
    public static void VoluntaryDeparture(RemovalContext c)
    {
        if (Proceedings.VoluntaryDeparture(c.State, c.Calendar) is { } vd && c.State.DecisionAppeal is null && vd.RunsOn(c.On))
        {
            c.Block(vd.Rule, $"The voluntary departure period runs until {DateWords.Of(vd.Due)}; the alternate removal order takes effect only if the person has not left by then.");
        }
        else if (Proceedings.VoluntaryDeparture(c.State, c.Calendar) is { EndRule: RuleIds.VdBondFail } ended
            && c.State is { DecisionAppeal: null, Decision.Appeal: AppealChoice.Waived } && c.On <= ended.Due)
        {
            // VD-BOND-FAIL ends only VD at the end of proceedings (VD-POST-60). A grant of 60 days
            // or less with appeal waived may as well be pre-conclusion VD (VD-PRE-120), which has
            // no bond deadline: whether the period really ended is a fact to confirm (fail closed).
            c.Review(RuleIds.VdBondFail, $"No bond was posted by {DateWords.Of(ended.BondDue)}, which ends voluntary departure at the end of proceedings; but with appeal waived this grant (to {DateWords.Of(ended.Due)}) may be pre-conclusion voluntary departure, which needs no bond. A person must confirm which it is.");
        }
    }

    /// <summary>Step 5: stays that come with a motion (INABS-STAY, MTR-EXCEPT).</summary>
    public static void MotionStays(RemovalContext c)
    {
        foreach (var motion in c.State.Motions)
        {
            var appealOfDenial = c.State.Appeals.LastOrDefault(a => a.OfMotion == motion);
            if (motion.SeeksRescission && motion.Pending)
            {
                c.Block(RuleIds.InabsStay, $"A motion to rescind the in-absentia order, filed {DateWords.Of(motion.FiledOn)}, automatically stays removal until the judge decides it.");
            }
            else if (motion.SeeksRescission && appealOfDenial is { Pending: true })
            {
                c.Review(RuleIds.InabsStay, "An appeal of the denied in-absentia rescission motion is pending; whether the automatic stay continues on appeal is unsettled. A person must decide.");
            }

            // MTR-EXCEPT: "until final disposition, including all appeals": a denial that can
            // still be appealed (30 days, APPEAL-IJ-30D) is not yet a final disposition.
            var denialStillAppealable = motion is { Outcome: MotionOutcome.Denied, DecidedOn: { } denied }
                && appealOfDenial is null
                && c.On <= c.Calendar.DaysAfter(denied, 30);
            if (motion.Grounds == MotionGrounds.Vawa && (motion.Pending || appealOfDenial is { Pending: true } || denialStillAppealable))
            {
                c.Block(RuleIds.MtrExcept, $"A VAWA motion filed {DateWords.Of(motion.FiledOn)} stays removal until its final disposition, including appeals.");
            }
        }
    }

    /// <summary>Step 6: other stays (STAY-*, DHS-STAY, PFR-NO-AUTO-STAY, COURT-ORDER).</summary>
    public static void OtherStays(RemovalContext c)
    {
        foreach (var stay in c.State.Stays.Where(s => s.InForceOn(c.On)))
        {
            var (rule, who) = stay.By switch
            {
                StayAuthority.CircuitCourt => (RuleIds.PfrNoAutoStay, "a court of appeals"),
                StayAuthority.DistrictCourt => (RuleIds.CourtOrder, "a district court"),
                StayAuthority.Agency => (RuleIds.DhsStay, "DHS (a granted stay of removal)"),
                StayAuthority.Board => (RuleIds.StayAppeal, "the BIA"),
                _ => (RuleIds.StayAppeal, "an immigration judge"),
            };
            var until = stay.Until is { } u ? $" until {DateWords.Of(u)}" : "";
            var reference = stay.Reference is { } r ? $" ({r})" : "";
            c.Block(rule, $"A stay of removal granted by {who} on {DateWords.Of(stay.GrantedOn)}{reference} is in force{until}.");
        }

        foreach (var request in c.State.StayRequests.Where(r => r.Pending && r.RequestedOn <= c.On))
        {
            switch (request.Before)
            {
                case StayAuthority.Agency:
                    // DHS-STAY: a pending request to DHS does not stop removal.
                    break;
                case StayAuthority.CircuitCourt:
                    c.Review(RuleIds.PfrNoAutoStay, $"A stay motion before the court of appeals (filed {DateWords.Of(request.RequestedOn)}) is pending; some circuits give a temporary stay meanwhile. A person must check the circuit's rule.");
                    break;
                case StayAuthority.DistrictCourt:
                    c.Review(RuleIds.CourtOrder, $"A request to a district court to bar removal (filed {DateWords.Of(request.RequestedOn)}) is pending. A person must check for any order.");
                    break;
                default:
                    c.Review(RuleIds.MtrNoStay, $"A stay request before the {(request.Before == StayAuthority.Board ? "BIA" : "immigration judge")} (filed {DateWords.Of(request.RequestedOn)}) is pending; a pending request is not a stay, but a person must decide whether to wait for it.");
                    break;
            }
        }
    }

    /// <summary>Step 7: destination (WH-COUNTRY, CAT-COUNTRY, THIRD-COUNTRY, DVD-2025).</summary>
    public static void Destination(RemovalContext c)
    {
        var state = c.State;
        var to = c.Destination;
        if (state.Decision is { } decision)
        {
            if (decision.ProtectedCountries?.Contains(to) == true)
            {
                var rule = decision.Relief == Relief.Cat ? RuleIds.CatCountry : RuleIds.WhCountry;
                c.Block(rule, $"Removal to {to} is barred: protection ({(rule == RuleIds.CatCountry ? "CAT" : "withholding of removal")}) was granted as to that country.");
            }

            var named = new List<Countries.CountryCode>();
            if (decision.RemovalCountry is { } removalCountry)
            {
                named.Add(removalCountry);
            }

            named.AddRange(decision.AlternateCountries ?? []);
            if (named.Count == 0 && Proceedings.HasRemovalOrder(state))
            {
                c.Review(RuleIds.ThirdCountry, "The order names no country of removal; a person must confirm the designated country under INA 241(b)(2).");
            }
            else if (named.Count > 0 && !named.Contains(to))
            {
                ThirdCountry(c);
            }
        }
        else if (state.ExpeditedRemovalOrderedOn is not null && state.Identity is { } identity && identity.Citizenship != to)
        {
            ThirdCountry(c);
        }
    }

    private static void ThirdCountry(RemovalContext c)
    {
        if (!c.State.ThirdCountryNotices.Any(n => n.Country == c.Destination && n.ServedOn <= c.On))
        {
            c.Block(RuleIds.Dvd2025, $"{c.Destination} is not named in the order, and no written third-country notice for {c.Destination} is on record.");
        }
        else
        {
            c.Review(RuleIds.ThirdCountry, $"Removal to {c.Destination}, a country not named in the order, needs a fear inquiry, a screening result and legal sign-off; the law here is unsettled (DVD-2025).");
        }
    }

    /// <summary>Step 8: status protections (TPS, HOLDS).</summary>
    public static void StatusProtections(RemovalContext c)
    {
        foreach (var protection in c.State.Protections.Where(p => p.InForceOn(c.On)))
        {
            var until = protection.Until is { } u ? $" until {DateWords.Of(u)}" : "";
            var (rule, what) = protection.Kind switch
            {
                ProtectedStatusKind.Tps => (RuleIds.Tps, "Temporary Protected Status"),
                ProtectedStatusKind.DeferredAction => (RuleIds.Holds, "deferred action"),
                ProtectedStatusKind.Daca => (RuleIds.Holds, "DACA"),
                ProtectedStatusKind.Parole => (RuleIds.Holds, "parole"),
                ProtectedStatusKind.UPending => (RuleIds.Holds, "a pending U visa filing"),
                ProtectedStatusKind.TPending => (RuleIds.Holds, "a pending T visa filing"),
                _ => (RuleIds.Holds, "a pending VAWA filing"),
            };
            if (protection.Kind == ProtectedStatusKind.Parole && c.State.NoticeToAppearServedOn is { } served && served >= protection.GrantedOn)
            {
                // PAROLE-NTA: the NTA is written notice that parole ended, unless it says
                // otherwise, which the record does not show: a person must confirm.
                c.Review(RuleIds.ParoleNta, $"Parole granted {DateWords.Of(protection.GrantedOn)}{until} is on record; the Notice to Appear served {DateWords.Of(served)} ends parole unless it says otherwise. A person must confirm that parole was terminated.");
                continue;
            }

            c.Block(rule, $"The person holds {what}{until}; removal may not proceed while it is in force.");
        }
    }

    /// <summary>CHECK-PROJECTION: a check for a day after today says what today's facts give, and what can still change it.</summary>
    public static void Projection(RemovalContext c, NodaTime.LocalDate today)
    {
        if (c.On <= today)
        {
            return;
        }

        var open = new List<string>();
        if (Proceedings.AppealWindowOpen(c.State, c.Calendar, today))
        {
            open.Add($"the appeal window is open until {DateWords.Of(Proceedings.AppealDeadline(c.State, c.Calendar))}");
        }

        if (Proceedings.VoluntaryDeparture(c.State, c.Calendar) is { } vd && vd.RunsOn(today))
        {
            open.Add($"the voluntary departure period runs until {DateWords.Of(vd.Due)}");
        }

        var known = c.Findings.Count == 0 ? "the facts known today raise nothing against it" : "the findings above are what the facts known today give";
        var pending = open.Count == 0 ? "" : $"; {string.Join(" and ", open)}";
        c.Review(RuleIds.CheckProjection, $"This check is for {DateWords.Of(c.On)}, after today ({DateWords.Of(today)}): a projection, not a clearance. On that day {known}, but an appeal, a motion or a stay can still arrive before it{pending}. Run the check again on the day (STAY-BOARDING).");
    }
}
