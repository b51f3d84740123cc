namespace Notifications.Functions.Access;

/// <summary>The roles a caller's token carries (Entra app roles in Azure; minted locally by <c>token</c>).</summary>
public static class Roles
{
    public const string PrivacyOfficer = "PrivacyOfficer";
    public const string Approver = "Approver";
    public const string Auditor = "Auditor";

    public static IReadOnlyList<string> All { get; } = [PrivacyOfficer, Approver, Auditor];
}

/// <summary>Authorization policies. Auditors read only.</summary>
public static class Policies
{
    public const string Read = nameof(Read);

    /// <summary>Operators' views (the orchestrations' status): the Auditor role.</summary>
    public const string Audit = nameof(Audit);
    public const string Officer = nameof(Officer);

    /// <summary>Oversight of per-person decisions (the withheld people and their reasons): privacy officers and auditors.</summary>
    public const string Oversight = nameof(Oversight);
    public const string Approve = nameof(Approve);

    /// <summary>Reading what the notices will say to a person before approving or starting them: privacy officers and approvers.</summary>
    public const string Review = nameof(Review);
}
