using Notifications.Domain.Reports;

namespace Notifications.Domain.Incidents;

public sealed partial class IncidentDecider
{
    private const string PlannedMethod =
        "Individuals will be notified directly by email, or by letter where there is no email address, and by indirect notice where contact information is missing or inaccurate.";

    /// <summary>Drafts (or re-drafts) the Commissioner's report while significant harm is confirmed and it is not yet sent.</summary>
    private void Redraft(DecisionBuilder d, string idBase)
    {
        var s = d.State;
        if (s.Decision is not { SignificantHarm: true } decision || s.Status != IncidentStatus.Notifying || s.CommissionerReport?.SentAt is not null)
        {
            return;
        }

        var notices = s.Notices is { } n
            ? new NotificationSummary(n.Direct, n.Letters, n.Indirect, n.Withheld, n.WithheldReasons, n.Method)
            : new NotificationSummary(null, null, null, null, [], PlannedMethod);
        var input = new CommissionerReportInput(
            s.IncidentId,
            s.Facts!,
            s.Report!.Description,
            new DecisionSummary(true, decision.Level, decision.Urgency, decision.Kind == DecisionKind.Overridden,
                decision.Kind == DecisionKind.Overridden ? decision.Reason : null, s.Proposal?.Reasons ?? []),
            s.Tasks.Select(t => new ContainmentStep(t.Task.Title, t.Done, t.DoneAt)).ToList(),
            notices,
            contact);
        var report = CommissionerReportWriter.Compose(input, Pack(s), d.Now);
        if (s.CommissionerReport?.Text != report.Text)
        {
            d.Add(new CommissionerReportDrafted(report.Subject, report.Text) { EventId = $"{idBase}:report" });
        }
    }

    /// <summary>The approver approves the current draft; that exact text is pinned and sent.</summary>
    private static void ApproveReport(DecisionBuilder d, CommissionerReportApproved a)
    {
        var report = d.State.CommissionerReport;
        Require(report is not null, "No report has been drafted yet.");
        Require(report!.SentAt is null, "The report was already sent.");
        if (report.ApprovedText == report.Text)
        {
            return;
        }

        d.Add(new CommissionerReportApproved(report.Subject, report.Text) { EventId = a.EventId });
        d.Command(new SendCommissionerReport($"send-commissioner-report:{a.EventId}"));
    }
}
