using Notifications.Domain.Breach;

namespace Notifications.Domain.Reports;

/// <summary>Everything the Commissioner's report is written from. The writer adds nothing that is not here or in the pack.</summary>
/// <param name="IncidentId">The incident's id, for reference.</param>
/// <param name="Facts">The breach facts (kinds of information, never values).</param>
/// <param name="Description">The officer's description of what happened, in English, without personal information.</param>
/// <param name="Decision">The recorded harm decision.</param>
/// <param name="Steps">Steps taken or planned to reduce the risk of harm.</param>
/// <param name="Notification">Whether and how individuals were or will be notified.</param>
/// <param name="Contact">Who answers questions for the public body.</param>
public sealed record CommissionerReportInput(
    string IncidentId,
    BreachFacts Facts,
    string Description,
    DecisionSummary Decision,
    IReadOnlyList<ContainmentStep> Steps,
    NotificationSummary Notification,
    ContactPerson Contact);
