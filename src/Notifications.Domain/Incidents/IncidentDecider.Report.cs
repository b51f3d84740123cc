using Notifications.Domain.Reports;

namespace Notifications.Domain.Incidents;

public sealed partial class IncidentDecider
{
    private const string PlannedMethod =
        "Individuals will be notified directly by email, or by letter where there is no email address, and by indirect notice where contact information is missing or inaccurate.";

    /// <summary>
    /// Drafts (or re-drafts) the Commissioner's report while significant harm is confirmed and the current report is not
    /// yet sent: the first report, or a follow-up. Once a report is sent, the notices' outcome
    /// (<paramref name="outcomeChanged"/>: notices completed, or their counts revised) starts a follow-up that gives the
    /// final counts; the BC guidance lets a public body follow up with more details as they become known.
    /// </summary>
    private void Redraft(DecisionBuilder d, string idBase, bool outcomeChanged = false)
    {
        var s = d.State;
        if (s.Decision is not { SignificantHarm: true } decision || s.Status != IncidentStatus.Notifying)
        {
            return;
        }

        var current = s.CommissionerReport;
        var number = current?.SentAt is null ? current?.Number ?? 1 : current.Number + 1;
        if (current?.SentAt is not null && !(outcomeChanged && s.Notices is not null))
        {
            return;
        }

        var notices = s.Notices is { } n
            ? new NotificationSummary(n.Direct, n.Letters, n.Indirect, n.Withheld, n.WithheldReasons, n.Method) { Bounced = n.Bounced }
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
        var pack = Pack(s);
        var report = number == 1
            ? CommissionerReportWriter.Compose(input, pack, d.Now)
            : FollowUpReportWriter.Compose(input, new FollowUp(number, s.SentReports.Last().SentAt!.Value, s.NoticesCompletedAt), pack, d.Now);
        if (current?.SentAt is not null || current?.Text != report.Text)
        {
            d.Add(new CommissionerReportDrafted(report.Subject, report.Text) { EventId = $"{idBase}:report", Number = number });
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
