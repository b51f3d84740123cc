using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Notifications.Domain.Assessment;
using Notifications.Domain.Breach;
using Notifications.Domain.Containment;
using Notifications.Domain.Policy;

namespace Notifications.Domain.Incidents;

/// <summary>The incident as folded from its history by <see cref="IncidentEvolution.Evolve"/>.</summary>
public sealed record IncidentState
{
    public required string IncidentId { get; init; }
    public IncidentStatus Status { get; init; } = IncidentStatus.None;

    /// <summary>Sequence number of the last history entry.</summary>
    public long Version { get; init; }

    public IncidentReport? Report { get; init; }
    public string? RequestHash { get; init; }
    public string PackId { get; init; } = "";
    public string PackVersion { get; init; } = "";
    public DateTimeOffset? ReportedAt { get; init; }

    /// <summary>The current facts (the report's, as amended and as containment progressed).</summary>
    public BreachFacts? Facts { get; init; }

    /// <summary>Bumped by every amendment; an assessment or decision is for one version.</summary>
    public int FactsVersion { get; init; }

    public AssessmentProposal? Proposal { get; init; }
    public int ProposalFactsVersion { get; init; }
    public DecisionRecord? Decision { get; init; }

    public DateTimeOffset? Deadline { get; init; }
    public Urgency Urgency { get; init; }
    public string? DeadlineBasis { get; init; }
    public int DeadlineGeneration { get; init; }
    public ImmutableList<ArmedReminder> Reminders { get; init; } = [];
    public ImmutableHashSet<string> RemindersDue { get; init; } = [];
    public ImmutableHashSet<string> RemindersSent { get; init; } = [];

    public ImmutableList<TaskState> Tasks { get; init; } = [];
    public DateTimeOffset? ContainedAt { get; init; }

    /// <summary>The current report to the Commissioner: the first one, or the latest follow-up (a draft until it is sent).</summary>
    public ReportState? CommissionerReport { get; init; }

    /// <summary>The reports sent before <see cref="CommissionerReport"/>, oldest first.</summary>
    public ImmutableList<ReportState> EarlierReports { get; init; } = [];

    /// <summary>Every report sent to the Commissioner, oldest first.</summary>
    [JsonIgnore]
    public IEnumerable<ReportState> SentReports =>
        CommissionerReport is { SentAt: not null } current ? EarlierReports.Add(current) : EarlierReports;
    public RecipientsImported? Recipients { get; init; }
    public NoticeContentState? NoticeContent { get; init; }

    /// <summary>Set while the check finds personal information in the submitted or approved content, or the run's text.</summary>
    public NoticeContentHold? NoticeContentHold { get; init; }

    /// <summary>The latest letters export (for <see cref="LettersExported.ImportId"/>; a later import needs its own).</summary>
    public LettersExported? LettersExport { get; init; }
    public DateTimeOffset? LettersExportedAt { get; init; }

    /// <summary>The latest record of returned letters (its <see cref="LettersReturned.Total"/> is for its import only).</summary>
    public LettersReturned? ReturnedLetters { get; init; }

    /// <summary>How many letter people of the current import had their letter come back.</summary>
    public int ReturnedLettersOfCurrentImport =>
        ReturnedLetters is { } r && r.ImportId == Recipients?.ImportId ? r.Total : 0;
    public NoticeCounts? Notices { get; init; }
    public DateTimeOffset? NoticesCompletedAt { get; init; }

    /// <summary>Set when an officer switched the whole incident to indirect notice.</summary>
    public IndirectNoticeDecision? IndirectNotice { get; init; }

    public string? ClosedReason { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public bool BelowThreshold { get; init; }

    /// <summary>When the contact data of the affected people was purged; nothing that needs it runs after this.</summary>
    public DateTimeOffset? ContactDataPurgedAt { get; init; }

    /// <summary>The proposal for the current facts, once the assessment has run on them.</summary>
    public AssessmentProposal? CurrentProposal => ProposalFactsVersion == FactsVersion ? Proposal : null;

    public TaskState? Task(string taskId) => Tasks.FirstOrDefault(t => t.Task.TaskId == taskId);

    public static IncidentState Empty(string incidentId) => new() { IncidentId = incidentId };
}

/// <summary>
/// The whole incident went to indirect notice: which pack trigger, why, and when. <paramref name="Counts"/> are the counts
/// recorded at the switch; bounces and returned letters afterwards are revised from them.
/// </summary>
public sealed record IndirectNoticeDecision(string Trigger, string Reason, DateTimeOffset At, NoticeCounts? Counts = null);

public sealed record DecisionRecord(bool SignificantHarm, DecisionKind Kind, HarmLevel Level, Urgency Urgency, string? Reason, int FactsVersion, DateTimeOffset At);

/// <summary>A containment task and its progress, with the wrong recipients for a deletion-confirmation task.</summary>
public sealed record TaskState(ContainmentTask Task, bool Done = false, DateTimeOffset? DoneAt = null, string? Note = null)
{
    public ImmutableList<WrongRecipient> Recipients { get; init; } = [];
    public ImmutableHashSet<string> Confirmed { get; init; } = [];
    public ImmutableHashSet<string> RequestsSent { get; init; } = [];

    public bool AllConfirmed => Recipients.Count > 0 && Recipients.All(r => Confirmed.Contains(r.RecipientId));
}

public sealed record ReportState(string Subject, string Text, DateTimeOffset DraftedAt)
{
    /// <summary>1 for the first report, 2 and up for its follow-ups.</summary>
    public int Number { get; init; } = 1;

    public string? ApprovedSubject { get; init; }
    public string? ApprovedText { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? SentMessageId { get; init; }
}
