using System.Collections.Immutable;
using Notifications.Domain.Breach;

namespace Notifications.Domain.Incidents;

/// <summary>Folds one recorded event into the state. Pure; <paramref name="at"/> is when it was recorded.</summary>
public static class IncidentEvolution
{
    public static IncidentState Evolve(IncidentState s, IncidentEvent e, DateTimeOffset at) => e switch
    {
        IncidentReported r => s with
        {
            Status = IncidentStatus.Open,
            Report = r.Report,
            RequestHash = r.RequestHash,
            PackId = r.PackId,
            PackVersion = r.PackVersion,
            ReportedAt = at,
            Facts = r.Report.Facts,
            FactsVersion = 1,
        },
        FactsAmended a => s with { Facts = a.Facts, FactsVersion = s.FactsVersion + 1 },
        AssessmentProposed p => s with { Proposal = p.Proposal, ProposalFactsVersion = p.FactsVersion },
        SignificantHarmDecided d => s with
        {
            Status = IncidentStatus.Notifying,
            Decision = new(true, d.Kind, d.Level, d.Urgency, d.Reason, d.FactsVersion, at),
        },
        NoSignificantHarmDecided d => s with
        {
            Status = IncidentStatus.Closed,
            Decision = new(false, d.Kind, d.Level, s.Urgency, d.Reason, d.FactsVersion, at),
            BelowThreshold = true,
            ClosedAt = at,
            ClosedReason = d.Reason ?? "Below the significant-harm threshold.",
        },
        DeadlineSet d => s with { Deadline = d.Deadline, Urgency = d.Urgency, DeadlineBasis = d.Basis, DeadlineGeneration = d.Generation },
        RemindersArmed a => s with { Reminders = s.Reminders.AddRange(a.Reminders) },
        ReminderDue due => s with { RemindersDue = s.RemindersDue.Add(due.ReminderId) },
        ReminderSent sent => s with { RemindersSent = s.RemindersSent.Add(sent.ReminderId) },
        ContainmentPlanned p => s with { Tasks = s.Tasks.AddRange(p.Tasks.Select(t => new TaskState(t))) },
        ContainmentTaskAdded a => s with { Tasks = s.Tasks.Add(new TaskState(a.Task)) },
        ContainmentTaskCompleted c => UpdateTask(s, c.TaskId, t => t with { Done = true, DoneAt = at, Note = c.Note }),
        WrongRecipientsRegistered w => UpdateTask(s, w.TaskId, t => t with { Recipients = t.Recipients.AddRange(w.Recipients) }),
        DeletionRequestsSent sent => UpdateTask(s, sent.TaskId, t => t with { RequestsSent = t.RequestsSent.Union(sent.RecipientIds) }),
        DeletionConfirmed c => UpdateTask(s, c.TaskId, t => t with { Confirmed = t.Confirmed.Add(c.RecipientId) }),
        ContainmentAchieved c => s with
        {
            ContainedAt = at,
            Facts = s.Facts! with
            {
                Containment = new Breach.Containment(ContainmentStatus.Contained,
                    c.RecipientsConfirmedDeletion || s.Facts!.Containment.RecipientsAgreedToDestroyOrReturn),
            },
            FactsVersion = s.FactsVersion + 1,
        },
        CommissionerReportDrafted d when s.CommissionerReport is { SentAt: not null } sent && d.Number > sent.Number => s with
        {
            // A follow-up: the sent report is kept as it was sent (its approved text, stored once: the state is one table row).
            EarlierReports = s.EarlierReports.Add(sent with
            {
                Subject = sent.ApprovedSubject ?? sent.Subject, Text = sent.ApprovedText ?? sent.Text, ApprovedSubject = null, ApprovedText = null,
            }),
            CommissionerReport = new ReportState(d.Subject, d.Text, at) { Number = d.Number },
        },
        CommissionerReportDrafted d => s with
        {
            CommissionerReport = s.CommissionerReport is { } existing
                ? existing with { Subject = d.Subject, Text = d.Text, DraftedAt = at }
                : new ReportState(d.Subject, d.Text, at) { Number = d.Number },
        },
        CommissionerReportApproved a => s with
        {
            CommissionerReport = s.CommissionerReport! with { ApprovedSubject = a.Subject, ApprovedText = a.Text, ApprovedAt = at },
        },
        CommissionerReportSent sent => s with
        {
            CommissionerReport = s.CommissionerReport! with { SentAt = at, SentMessageId = sent.MessageId },
        },
        RecipientsImported r => s with { Recipients = r, NoticeContentHold = null }, // re-checked with the import, held again in its transaction
        NoticeContentHeld h => s with
        {
            NoticeContentHold = s.NoticeContentHold is { } hold && hold.ImportId == h.ImportId ? hold.Merge(h.Findings, at) : new(h.ImportId, h.Findings, at),
        },
        NoticeContentSubmitted c => s with
        {
            NoticeContentHold = s.NoticeContentHold?.Release(NoticeContentTargets.Submitted), // checked when submitted
            NoticeContent = s.NoticeContent is { } existing
                ? existing with { Submitted = new(c.Summary, c.StepsForPerson, c.TemplateVersion) { Templates = c.Templates }, SubmittedAt = at }
                : new NoticeContentState(new(c.Summary, c.StepsForPerson, c.TemplateVersion) { Templates = c.Templates }, at),
        },
        NoticeContentApproved a => s with
        {
            NoticeContentHold = s.NoticeContentHold?.Release(NoticeContentTargets.Approved), // the submitted content, which is not held
            NoticeContent = s.NoticeContent! with { Approved = a.Content ?? s.NoticeContent.Submitted, ApprovedAt = at },
        },
        LettersExported l => s with { LettersExport = l, LettersExportedAt = at },
        LettersReturned r => s with { ReturnedLetters = r },
        NoticesCompleted n => s with { Notices = n.Counts, NoticesCompletedAt = at },
        IndirectNoticeChosen i => s with { IndirectNotice = new IndirectNoticeDecision(i.Trigger, i.Reason, at, i.Counts) },
        NoticeCountsRevised r => s with { Notices = r.Counts },
        IncidentClosed c => s with { Status = IncidentStatus.Closed, ClosedReason = c.Reason, ClosedAt = at, BelowThreshold = c.BelowThreshold },
        ContactDataPurged => s with { ContactDataPurgedAt = at },
        _ => s,
    };

    private static IncidentState UpdateTask(IncidentState s, string taskId, Func<TaskState, TaskState> update) =>
        s with { Tasks = s.Tasks.Select(t => t.Task.TaskId == taskId ? update(t) : t).ToImmutableList() };
}
