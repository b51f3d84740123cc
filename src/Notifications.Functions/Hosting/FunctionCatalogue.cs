using Notifications.Functions.Assessment;
using Notifications.Functions.Containment;
using Notifications.Functions.Health;
using Notifications.Functions.Incidents;
using Notifications.Functions.Letters;
using Notifications.Functions.Notices;
using Notifications.Functions.Recipients;
using Notifications.Functions.Reminders;
using Notifications.Functions.Reports;
using Notifications.Functions.Workflow;

namespace Notifications.Functions.Hosting;

/// <summary>
/// Every function of the app, declared once. function.json files for the Functions host and the local runtime's
/// listeners and timers are generated from this list.
/// </summary>
public static class FunctionCatalogue
{
    public static IReadOnlyList<FunctionDefinition> All { get; } =
    [
        // HTTP: incidents, decisions, containment, the Commissioner's report, notices, health.
        ReportIncident.Function,
        ListIncidents.Function,
        GetIncident.Function,
        GetIncidentHistory.Function,
        AmendFacts.Function,
        CloseIncident.Function,
        DecideAssessment.Function,
        ContainmentEndpoints.AddTaskFunction,
        ContainmentEndpoints.CompleteTaskFunction,
        ContainmentEndpoints.WrongRecipientsFunction,
        ConfirmDeletion.ShowFunction,
        ConfirmDeletion.ConfirmFunction,
        PublicNotice.Function,
        CommissionerReportEndpoints.GetFunction,
        CommissionerReportEndpoints.ApproveFunction,
        ImportRecipients.Function,
        PurgeContactData.EarlyFunction,
        CompleteNotices.Function,
        NoticeContentEndpoints.SubmitFunction,
        NoticeContentEndpoints.ApproveFunction,
        NoticeContentEndpoints.DefaultTemplatesFunction,
        NotificationEndpoints.StartFunction,
        NotificationEndpoints.HaltFunction,
        NotificationEndpoints.ResumeFunction,
        NotificationEndpoints.GetFunction,
        ChooseIndirectNotice.Function,
        LettersEndpoints.ExportFunction,
        LettersEndpoints.BlockedFunction,
        RecordReturnedLetters.Function,
        GetHealth.Function,

        // Queues: the workflow's events, its activities, and the email delivery reports from Event Grid.
        HandleIncidentEvent.Function,
        AssessHarmActivity.Function,
        SendReminder.Function,
        SendDeletionRequestsActivity.Function,
        SendCommissionerReportActivity.Function,
        SendNotificationBatch.Function,
        ReceiveDeliveryReport.Function,

        // Timers: recovery and retention.
        RedriveOutbox.Function,
        SweepDeadlines.Function,
        PurgeContactData.Function,
    ];
}
