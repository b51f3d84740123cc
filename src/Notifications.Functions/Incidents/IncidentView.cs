using Notifications.Domain.Assessment;
using Notifications.Domain.Breach;
using Notifications.Domain.Containment;
using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary>The incident as the API shows it to signed-in staff.</summary>
public sealed record IncidentView(
    string Id,
    IncidentStatus Status,
    long Version,
    string? Title,
    string? Description,
    ReporterContact? Reporter,
    BreachFacts? Facts,
    int FactsVersion,
    string Policy,
    DateTimeOffset? ReportedAt,
    AssessmentProposal? Proposal,
    bool AwaitingDecision,
    DecisionRecord? Decision,
    DateTimeOffset? Deadline,
    Urgency Urgency,
    string? DeadlineBasis,
    IReadOnlyList<ArmedReminder> Reminders,
    IReadOnlyCollection<string> RemindersSent,
    IReadOnlyList<IncidentView.TaskView> Tasks,
    DateTimeOffset? ContainedAt,
    IncidentView.ReportView? CommissionerReport,
    RecipientsImported? Recipients,
    LettersExported? LettersExport,
    DateTimeOffset? LettersExportedAt,
    int ReturnedLetters,
    NoticeCounts? Notices,
    DateTimeOffset? NoticesCompletedAt,
    IndirectNoticeDecision? IndirectNotice,
    string? ClosedReason,
    DateTimeOffset? ClosedAt,
    bool BelowThreshold,
    DateTimeOffset? ContactDataPurgeDueAt,
    DateTimeOffset? ContactDataPurgedAt,
    NoticeContentHold? NoticeContentHold)
{
    /// <summary>The latest submitted notice content and the approved (pinned) one, with when; null before any submission.</summary>
    public NoticeContentState? NoticeContent { get; init; }

    public sealed record TaskView(string TaskId, string Title, string Owner, DateTimeOffset DueAt, ContainmentTaskKind Kind, bool Done,
        DateTimeOffset? DoneAt, string? Note, int WrongRecipients, int RequestsSent, int Confirmed);

    public sealed record ReportView(string Subject, DateTimeOffset DraftedAt, DateTimeOffset? ApprovedAt, DateTimeOffset? SentAt);

    public static IncidentView From(IncidentState s) => new(
        s.IncidentId, s.Status, s.Version, s.Report?.Title, s.Report?.Description, s.Report?.Reporter, s.Facts, s.FactsVersion,
        $"{s.PackId} {s.PackVersion}".Trim(), s.ReportedAt, s.CurrentProposal,
        s.Status == IncidentStatus.Open && s.CurrentProposal is not null && s.Decision is null,
        s.Decision, s.Deadline, s.Urgency, s.DeadlineBasis, s.Reminders, s.RemindersSent.Order().ToList(),
        s.Tasks.Select(t => new TaskView(t.Task.TaskId, t.Task.Title, t.Task.Owner, t.Task.DueAt, t.Task.Kind, t.Done, t.DoneAt, t.Note,
            t.Recipients.Count, t.RequestsSent.Count, t.Confirmed.Count)).ToList(),
        s.ContainedAt,
        s.CommissionerReport is { } r ? new ReportView(r.Subject, r.DraftedAt, r.ApprovedAt, r.SentAt) : null,
        s.Recipients,
        s.LettersExport, s.LettersExportedAt, s.ReturnedLettersOfCurrentImport,
        s.Notices, s.NoticesCompletedAt, s.IndirectNotice, s.ClosedReason, s.ClosedAt, s.BelowThreshold,
        IncidentDecider.ContactDataDueAt(s), s.ContactDataPurgedAt, s.NoticeContentHold)
    {
        NoticeContent = s.NoticeContent,
    };
}

public sealed record HistoryView(long Sequence, DateTimeOffset At, string Type, Actor Actor, IncidentEvent Event)
{
    public static HistoryView From(HistoryEntry h) => new(h.Sequence, h.At, h.Type, h.Actor, h.Event);
}
