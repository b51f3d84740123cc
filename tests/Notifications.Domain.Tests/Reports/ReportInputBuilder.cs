using Notifications.Domain.Assessment;
using Notifications.Domain.Breach;
using Notifications.Domain.Policy;
using Notifications.Domain.Reports;

namespace Notifications.Domain.Tests.Reports;

/// <summary>A report input from facts: the assessment's own proposal as the decision, a contact and one step of each kind.</summary>
public static class ReportInputBuilder
{
    public const string Description = "Emails meant for work-permit holders were sent to other, unrelated people.";

    public static readonly ContactPerson Contact = new("Alex Officer", "Privacy Officer", "privacy@example.gov.bc.ca", "250-555-0100");

    public static CommissionerReportInput From(BreachFacts facts, DateTimeOffset now, NotificationSummary? notification = null)
    {
        var proposal = HarmAssessor.Assess(facts, PolicyPacks.BcFoippaV1, now);
        return new CommissionerReportInput(
            "inc-0001",
            facts,
            Description,
            new DecisionSummary(proposal.SignificantHarm, proposal.Level, proposal.Urgency, false, null, proposal.Reasons),
            [
                new ContainmentStep("Ask each wrong recipient to delete the email and confirm", true, now.AddHours(-2)),
                new ContainmentStep("Put prevention measures in place", false, null),
            ],
            notification ?? new NotificationSummary(40, 2, null, 0, [], "email, with letters where no email address is known"),
            Contact);
    }
}
