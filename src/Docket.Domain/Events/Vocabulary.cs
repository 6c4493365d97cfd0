namespace Docket.Domain.Events;

// The closed value sets of the v1 event vocabulary. On the wire each member is written in
// kebab-case ("RemovalOrdered" is "removal-ordered"); anything else is refused.

public enum EntryMethod { WithoutInspection }

public enum ServiceMethod { Personal, Mail }

public enum HearingKind { Master, Individual }

public enum Relief { Asylum, Withholding, Cat, Cancellation, Adjustment, VoluntaryDeparture }

public enum ScreeningOutcome { Positive, Negative }

public enum JudgeReview { Requested, Declined, Affirmed, Vacated }

public enum DecisionOutcome { RemovalOrdered, ReliefGranted, Terminated, VoluntaryDepartureGranted }

public enum AppealChoice { Reserved, Waived }

public enum AppealOutcome { Dismissed, Sustained, Remanded }

public enum MotionKind { Reopen, Reconsider }

public enum MotionGrounds { InAbsentiaExceptional, InAbsentiaNoNotice, ChangedCountryConditions, Vawa, Other }

public enum MotionOutcome { Granted, Denied }

public enum StayAuthority { Judge, Board, CircuitCourt, DistrictCourt, Agency }

public enum ProtectedStatusKind { Tps, DeferredAction, Daca, Parole, UPending, TPending, VawaPending }

public enum ClaimOutcome { Established, Rejected }

public enum DepartureSource { SelfReport, ExitRecord, CarrierManifest }

// v1.1: how a departure was made and what shows it (both optional on DepartureReported).

public enum DepartureMode { Air, Sea, Land, Consular }

public enum DepartureEvidence { BoardingPass, PassportStamp, ConsularVerification, ExitRecord, Other }

public enum ClosureReason { Departed, Removed, ReliefGranted, Terminated, Administrative }
