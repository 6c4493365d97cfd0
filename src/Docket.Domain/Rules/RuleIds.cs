namespace Docket.Domain.Rules;

/// <summary>The rule ids of docs/rules.md that Docket encodes. Look one up there by its id.</summary>
public static class RuleIds
{
    public const string TimeDays = "TIME-DAYS";
    public const string TimeBusinessDays = "TIME-BUSINESS-DAYS";
    public const string AppealIj30D = "APPEAL-IJ-30D";
    public const string AppealWaived = "APPEAL-WAIVED";
    public const string AppealNoneInAbsentia = "APPEAL-NONE-INABSENTIA";
    public const string StayAppeal = "STAY-APPEAL";
    public const string StayBoarding = "STAY-BOARDING";
    public const string Final1241 = "FINAL-1241";
    public const string FinalBia = "FINAL-BIA";
    public const string MtrReopen90D = "MTR-REOPEN-90D";
    public const string MtrRecon30D = "MTR-RECON-30D";
    public const string MtrExcept = "MTR-EXCEPT";
    public const string MtrNoStay = "MTR-NO-STAY";
    public const string InabsRescind = "INABS-RESCIND";
    public const string InabsStay = "INABS-STAY";
    public const string Nta10D = "NTA-10D";
    public const string VdPre120 = "VD-PRE-120";
    public const string VdPost60 = "VD-POST-60";
    public const string VdBondFail = "VD-BOND-FAIL";
    public const string VdTerminate = "VD-TERMINATE";
    public const string VdExtend = "VD-EXTEND";
    public const string VdWeekend = "VD-WEEKEND";
    public const string Asy1Yr = "ASY-1YR";
    public const string WhCountry = "WH-COUNTRY";
    public const string CatCountry = "CAT-COUNTRY";
    public const string ThirdCountry = "THIRD-COUNTRY";
    public const string Dvd2025 = "DVD-2025";
    public const string RemovalPeriod90 = "REMOVAL-PERIOD-90";
    public const string Zadvydas6M = "ZADVYDAS-6M";
    public const string ErFearRefer = "ER-FEAR-REFER";
    public const string CfIjReview = "CF-IJ-REVIEW";
    public const string ClaimedStatus = "CLAIMED-STATUS";
    public const string Pfr30D = "PFR-30D";
    public const string PfrNoAutoStay = "PFR-NO-AUTO-STAY";
    public const string CourtOrder = "COURT-ORDER";
    public const string Tps = "TPS";
    public const string DhsStay = "DHS-STAY";
    public const string Holds = "HOLDS";
}
