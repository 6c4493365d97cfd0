using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Store.Users;

namespace Docket.Web.Auth;

/// <summary>Whose caseload a case is in, and who may look outside their own.</summary>
public static class CaseAccess
{
    /// <summary>Events an attorney of record files; the rest are recorded by the agency or the court.</summary>
    private static readonly HashSet<Type> AttorneyFilings =
    [
        typeof(MailingAddressChanged), typeof(AttorneyWithdrew), typeof(ApplicationFiled), typeof(AppealFiled),
        typeof(MotionFiled), typeof(PetitionForReviewFiled), typeof(StayRequested), typeof(FearExpressed),
        typeof(CitizenshipClaimed), typeof(DepartureReported),
    ];

    public static bool InCaseload(Caller caller, CaseState state) => caller.Role switch
    {
        UserRoles.Officer or UserRoles.Supervisor => string.Equals(caller.Office, state.Identity?.Office, StringComparison.Ordinal),
        // An attorney sees only the cases where they are the attorney of record now.
        UserRoles.Attorney => caller.BarNumber is not null && state.Attorney is { } attorney
            // Exactly as search and the caseload views compare it, so what one finds the other allows.
            && string.Equals(attorney.BarNumber, caller.BarNumber, StringComparison.Ordinal),
        Caller.SelfServiceRole => caller.SelfServiceANumber == state.Identity?.ANumber.Digits,
        _ => false,
    };

    /// <summary>Supervisors (break-glass review) and auditors (an audit) may read outside their caseload, with a stated reason.</summary>
    public static bool MayBreakGlass(Caller caller) => caller.Role is UserRoles.Supervisor or UserRoles.Auditor;

    public static bool MayRecord(Caller caller, Docket.Domain.Events.CaseEvent @event) =>
        MayRecordType(caller, @event.GetType());

    /// <summary>Whether the caller's role may record events of this type (the staff pages offer only those).</summary>
    public static bool MayRecordType(Caller caller, Type eventType) =>
        caller.Role != UserRoles.Attorney || AttorneyFilings.Contains(eventType);
}
