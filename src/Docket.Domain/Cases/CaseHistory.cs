using Docket.Domain.Events;

namespace Docket.Domain.Cases;

/// <summary>The fold from a case's events to its state.</summary>
public static partial class CaseHistory
{
    /// <summary>
    /// Folds a stream in version order. A correction makes the state read its replacement in
    /// place of the corrected event, so the stream is refolded from the start with the
    /// replacement substituted: a correction may change anything that followed from the
    /// original.
    /// </summary>
    /// <param name="stream">The case's events in version order.</param>
    /// <param name="asOf">
    /// When given, the state as it stood at the end of that day: events effective later are
    /// counted in the version but not applied (a stay granted tomorrow does not protect today).
    /// </param>
    public static CaseState Fold(IEnumerable<CaseEvent> stream, NodaTime.LocalDate? asOf = null)
    {
        var recorded = stream.ToList();
        var effective = Effective(recorded);
        var state = effective.Aggregate(CaseState.Empty, (s, e) =>
            asOf is null || e.On <= asOf || e is CaseOpened ? Apply(s, e) : s with { Version = s.Version + 1, Events = s.Events.Add(e) });
        return state with { Events = [.. recorded] };
    }

    /// <summary>
    /// The stream as the fold reads it: each corrected event replaced by its correction's
    /// replacement, and each correction kept in its own place.
    /// </summary>
    public static IReadOnlyList<CaseEvent> Effective(IReadOnlyList<CaseEvent> recorded)
    {
        var effective = new List<CaseEvent>(recorded.Count);
        foreach (var @event in recorded)
        {
            // Only an earlier event after the opening can be corrected (as CaseDecider checks);
            // anything else is ignored rather than allowed to erase the identity or throw.
            if (@event is EntryCorrected corrected && corrected.CorrectsVersion > 1 && corrected.CorrectsVersion <= effective.Count
                && EventJson.Parse(corrected.Replacement).Event is { } replacement)
            {
                effective[corrected.CorrectsVersion - 1] = replacement;
            }

            // A correction keeps its own place (as the original's version) so versions stay
            // aligned with positions in the effective list.
            effective.Add(@event);
        }

        return effective;
    }

    /// <summary>One step of the fold.</summary>
    public static CaseState Apply(CaseState state, CaseEvent @event)
    {
        var next = state with { Version = state.Version + 1, Events = state.Events.Add(@event) };
        return @event switch
        {
            CaseOpened opened => next with
            {
                Identity = new CaseIdentity(
                    ANumber.Parse(opened.ANumber),
                    opened.FamilyName,
                    opened.GivenNames,
                    opened.DateOfBirth,
                    opened.Citizenship,
                    opened.Office),
                Stage = CaseStage.PreProceedings,
            },
            MailingAddressChanged changed => next with { MailingAddress = changed.Address },
            AttorneyEntered entered => next with { Attorney = new AttorneyOfRecord(entered.Name, entered.BarNumber, entered.On) },
            AttorneyWithdrew => next with { Attorney = null },
            Admitted or Paroled or Entered => next with { LastArrivalOn = @event.On },
            NoticeToAppearServed served => next with
            {
                NoticeToAppearServedOn = served.On,
                Stage = CaseStage.InProceedings,
                ScheduledHearing = served.HearingDate is { } date
                    ? new Hearing(date, HearingKind.Master, served.HearingPlace ?? "as stated in the notice")
                    : next.ScheduledHearing,
            },
            HearingScheduled scheduled => next with { ScheduledHearing = new Hearing(scheduled.Date, scheduled.Kind, scheduled.Court) },
            ApplicationFiled filed => next with { Applications = next.Applications.Add(new ApplicationRecord(filed.Relief, filed.On)) },
            JudgeDecided decided => next with
            {
                Decision = decided,
                Stage = StageAfter(decided),
                ScheduledHearing = null,
                Appeals = [],
                VoluntaryDepartureBondPostedOn = null,
            },
            VoluntaryDepartureBondPosted => next with { VoluntaryDepartureBondPostedOn = @event.On },
            ExpeditedRemovalOrdered => next with { ExpeditedRemovalOrderedOn = @event.On, Stage = CaseStage.FinalOrder },
            AppealFiled => next with
            {
                Appeals = next.Appeals.Add(new AppealRecord(@event.On, AppealedMotion(next))),
                Stage = CaseStage.OnAppeal,
            },
            AppealDecided decided => ApplyAppealDecided(next, decided),
            MotionFiled filed => next with { Motions = next.Motions.Add(new MotionRecord(next.Version, filed.On, filed.Kind, filed.Grounds)) },
            MotionDecided decided => ApplyMotionDecided(next, decided),
            PetitionForReviewFiled => next with { PetitionForReviewFiledOn = @event.On },
            StayRequested requested => next with { StayRequests = next.StayRequests.Add(new StayRequestRecord(requested.Before, requested.On)) },
            StayGranted granted => ResolveStayRequest(next, granted.By, granted.On) with
            {
                Stays = next.Stays.Add(new StayRecord(granted.By, granted.On, granted.Until, granted.Reference)),
            },
            StayLifted lifted => ResolveStayRequest(next, lifted.By, lifted.On) with
            {
                Stays = [.. next.Stays.Select(s => s.By == lifted.By && s.LiftedOn is null ? s with { LiftedOn = lifted.On } : s)],
            },
            ProtectedStatusGranted granted => next with
            {
                Protections = next.Protections.Add(new ProtectionRecord(granted.Kind, granted.On, granted.Until)),
            },
            ProtectedStatusEnded ended => next with
            {
                Protections = [.. next.Protections.Select(p => p.Kind == ended.Kind && p.EndedOn is null ? p with { EndedOn = ended.On } : p)],
            },
            CitizenshipClaimed => next with { CitizenshipClaim = new CitizenshipClaimRecord(@event.On) },
            CitizenshipClaimResolved resolved when next.CitizenshipClaim is { } claim => next with
            {
                CitizenshipClaim = claim with { Outcome = resolved.Outcome, ResolvedOn = resolved.On },
            },
            FearExpressed => next with { Fear = new FearRecord(@event.On) },
            FearScreeningCompleted screening => next with { Fear = (next.Fear ?? new FearRecord(screening.On)) with { Screening = screening } },
            ThirdCountryNoticeServed notice => next with { ThirdCountryNotices = next.ThirdCountryNotices.Add(new ThirdCountryNotice(notice.Country, notice.On)) },
            CustodyStarted => next with { Custody = next.Custody.Add(new CustodyRecord(@event.On)) },
            CustodyEnded when next.Custody is [.., { EndedOn: null } open] => next with { Custody = next.Custody.Replace(open, open with { EndedOn = @event.On }) },
            DepartureReported reported => next with { DepartureReport = reported, DepartureVerifiedOn = null },
            DepartureVerified => next with { DepartureVerifiedOn = @event.On, Stage = CaseStage.Departed },
            DepartureRejected => next with { DepartureReport = null },
            RemovalCarriedOut removal => next with { Removal = removal, Stage = CaseStage.Removed },
            CaseClosed closed => next with { Closure = closed, Stage = CaseStage.Closed },
            _ => next,
        };
    }
}
