namespace Docket.Store.Users;

/// <summary>The roles a signed-in user can hold (self-service and public have no user account).</summary>
public static class UserRoles
{
    public const string Officer = "officer";
    public const string Supervisor = "supervisor";
    public const string Attorney = "attorney";
    public const string Auditor = "auditor";

    public static IReadOnlyList<string> All { get; } = [Officer, Supervisor, Attorney, Auditor];

    /// <summary>Officers and supervisors belong to an office; their caseload is that office's cases.</summary>
    public static bool NeedsOffice(string role) => role is Officer or Supervisor;
}
