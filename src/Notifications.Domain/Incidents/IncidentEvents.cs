using System.Text.Json.Serialization;
using Notifications.Domain.Assessment;
using Notifications.Domain.Breach;
using Notifications.Domain.Containment;
using Notifications.Domain.Policy;
using Notifications.Domain.Recipients;

namespace Notifications.Domain.Incidents;

/// <summary>
/// Something that happened to an incident. Inbound events (a report, a fired timer, an activity's result, a human
/// decision) go through <see cref="IncidentDecider.Decide"/>; the events it returns are appended to the history.
/// The wire form is additive: fields are never renamed or removed while incidents are in flight.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(IncidentReported), "incident-reported")]
[JsonDerivedType(typeof(FactsAmended), "facts-amended")]
[JsonDerivedType(typeof(AssessmentProposed), "assessment-proposed")]
[JsonDerivedType(typeof(SignificantHarmDecided), "significant-harm-decided")]
[JsonDerivedType(typeof(NoSignificantHarmDecided), "no-significant-harm-decided")]
[JsonDerivedType(typeof(DeadlineSet), "deadline-set")]
[JsonDerivedType(typeof(RemindersArmed), "reminders-armed")]
[JsonDerivedType(typeof(TimerFired), "timer-fired")]
[JsonDerivedType(typeof(ReminderDue), "reminder-due")]
[JsonDerivedType(typeof(ReminderSent), "reminder-sent")]
[JsonDerivedType(typeof(ContainmentPlanned), "containment-planned")]
[JsonDerivedType(typeof(ContainmentTaskAdded), "containment-task-added")]
[JsonDerivedType(typeof(ContainmentTaskCompleted), "containment-task-completed")]
[JsonDerivedType(typeof(WrongRecipientsRegistered), "wrong-recipients-registered")]
[JsonDerivedType(typeof(DeletionRequestsSent), "deletion-requests-sent")]
[JsonDerivedType(typeof(DeletionConfirmed), "deletion-confirmed")]
[JsonDerivedType(typeof(ContainmentAchieved), "containment-achieved")]
[JsonDerivedType(typeof(CommissionerReportDrafted), "commissioner-report-drafted")]
[JsonDerivedType(typeof(CommissionerReportApproved), "commissioner-report-approved")]
[JsonDerivedType(typeof(CommissionerReportSent), "commissioner-report-sent")]
[JsonDerivedType(typeof(RecipientsImported), "recipients-imported")]
[JsonDerivedType(typeof(NoticeContentSubmitted), "notice-content-submitted")]
[JsonDerivedType(typeof(NoticeContentApproved), "notice-content-approved")]
[JsonDerivedType(typeof(NoticeContentHeld), "notice-content-held")]
[JsonDerivedType(typeof(LettersExported), "letters-exported")]
[JsonDerivedType(typeof(LettersReexported), "letters-reexported")]
[JsonDerivedType(typeof(LettersReturned), "letters-returned")]
[JsonDerivedType(typeof(NoticesCompleted), "notices-completed")]
[JsonDerivedType(typeof(IndirectNoticeChosen), "indirect-notice-chosen")]
[JsonDerivedType(typeof(NoticeCountsRevised), "notice-counts-revised")]
[JsonDerivedType(typeof(IncidentClosed), "incident-closed")]
[JsonDerivedType(typeof(ContactDataPurged), "contact-data-purged")]
[JsonDerivedType(typeof(NotificationStarted), "notification-started")]
[JsonDerivedType(typeof(NotificationHalted), "notification-halted")]
[JsonDerivedType(typeof(NotificationResumed), "notification-resumed")]
public abstract record IncidentEvent
{
    /// <summary>Deterministic id; the apply activity stores an applied marker per id, so a redelivered event changes nothing.</summary>
    public required string EventId { get; init; }

    public int SchemaVersion { get; init; } = 1;

    /// <summary>The stable type name used on the wire and in the history.</summary>
    [JsonIgnore]
    public string TypeName => EventTypes.NameOf(GetType());
}

/// <summary>A breach report was taken at intake, under the policy pack that will govern the incident.</summary>
public sealed record IncidentReported(IncidentReport Report, string RequestHash, string PackId, string PackVersion) : IncidentEvent;

/// <summary>A privacy officer amended the facts; the assessment runs again.</summary>
public sealed record FactsAmended(BreachFacts Facts, IReadOnlyList<string> Changed, string? Reason) : IncidentEvent;

/// <summary>The engine's proposal for one version of the facts. Nothing is notified on it alone.</summary>
public sealed record AssessmentProposed(AssessmentProposal Proposal, int FactsVersion) : IncidentEvent;

public enum DecisionKind
{
    /// <summary>The officer agrees with the proposal.</summary>
    Confirmed,

    /// <summary>The officer decides otherwise, with a written reason.</summary>
    Overridden,
}

/// <summary>A privacy officer decided the breach could cause significant harm: notify.</summary>
public sealed record SignificantHarmDecided(DecisionKind Kind, HarmLevel Level, Urgency Urgency, string? Reason, int FactsVersion) : IncidentEvent;

/// <summary>A privacy officer decided the breach is below the threshold: close it with its reasons.</summary>
public sealed record NoSignificantHarmDecided(DecisionKind Kind, HarmLevel Level, string? Reason, int FactsVersion) : IncidentEvent;

/// <summary>The notification deadline, and why it is that. Each new deadline starts a new reminder generation.</summary>
public sealed record DeadlineSet(DateTimeOffset Deadline, Urgency Urgency, string Basis, int Generation) : IncidentEvent;

/// <summary>Reminder timers armed for the privacy office.</summary>
public sealed record RemindersArmed(IReadOnlyList<ArmedReminder> Reminders) : IncidentEvent;

public sealed record ArmedReminder(string ReminderId, DateTimeOffset DueAt);

/// <summary>A timer came due. Timers are never cancelled; the state decides whether it still matters.</summary>
public sealed record TimerFired(string TimerId, TimerKind Kind, DateTimeOffset DueAt) : IncidentEvent;

/// <summary>A reminder is due and an email to the privacy office was requested.</summary>
public sealed record ReminderDue(string ReminderId, DateTimeOffset Deadline) : IncidentEvent;

/// <summary>The reminder activity handed the email to the mail relay.</summary>
public sealed record ReminderSent(string ReminderId, string MessageId) : IncidentEvent;

/// <summary>Containment tasks generated from how the breach happened (the pack's playbook).</summary>
public sealed record ContainmentPlanned(IReadOnlyList<ContainmentTask> Tasks) : IncidentEvent;

public sealed record ContainmentTaskAdded(ContainmentTask Task) : IncidentEvent;

public sealed record ContainmentTaskCompleted(string TaskId, string Note) : IncidentEvent;

/// <summary>The office supplied the wrong recipients of a misdirected email, to be asked to delete it.</summary>
public sealed record WrongRecipientsRegistered(string TaskId, IReadOnlyList<WrongRecipient> Recipients) : IncidentEvent;

public sealed record WrongRecipient(string RecipientId, string Email, string Language);

public sealed record DeletionRequestsSent(string TaskId, IReadOnlyList<string> RecipientIds, DateTimeOffset ExpiresAt) : IncidentEvent;

/// <summary>A wrong recipient confirmed deletion through their one-time link.</summary>
public sealed record DeletionConfirmed(string TaskId, string RecipientId) : IncidentEvent;

/// <summary>Every containment task is done; the facts now say contained, and the assessment runs again.</summary>
public sealed record ContainmentAchieved(bool RecipientsConfirmedDeletion) : IncidentEvent;

public sealed record CommissionerReportDrafted(string Subject, string Text) : IncidentEvent
{
    /// <summary>
    /// Which report this is: 1 for the first report, 2 and up for the follow-ups that give what became known after a
    /// report was sent (the notices' outcome). A draft with a higher number than the current, sent report starts a new one.
    /// </summary>
    public int Number { get; init; } = 1;
}

/// <summary>An approver approved the report; the text approved is pinned here and is what will be sent.</summary>
public sealed record CommissionerReportApproved(string Subject, string Text) : IncidentEvent;

public sealed record CommissionerReportSent(string To, string MessageId, string Subject, string Text) : IncidentEvent;

/// <summary>
/// The list of affected people was imported and validated (and matched to the system of record when supplied). The
/// people themselves stay in the recipients table; the history keeps the import id and the counts.
/// </summary>
public sealed record RecipientsImported(string ImportId, RecipientCounts Counts, bool SystemOfRecordChecked) : IncidentEvent
{
    /// <summary>
    /// What the check of the notice content against this import's people found (submitted, approved and the run's
    /// pinned text; empty when clean or there is no content). Any finding holds the content in the same transaction.
    /// </summary>
    public IReadOnlyList<NoticeContentFinding> NoticeContentFindings { get; init; } = [];
}

/// <summary>A privacy officer submitted what the notices will say (summary and steps, both languages) for a template version.</summary>
public sealed record NoticeContentSubmitted(LocalizedText Summary, LocalizedList StepsForPerson, string TemplateVersion) : IncidentEvent
{
    /// <summary>The office's own templates, when it does not use the deployed defaults.</summary>
    public CustomTemplates? Templates { get; init; }
}

/// <summary>
/// An approver approved the submitted notice content for a template version. The recorded event carries the content
/// approved, which is pinned: later submissions need a new approval before the notices say anything else.
/// </summary>
public sealed record NoticeContentApproved(string TemplateVersion) : IncidentEvent
{
    public NoticeContent? Content { get; init; }
}

/// <summary>
/// The check found personal information in the notice content for import <paramref name="ImportId"/>: a person of the
/// import named or identified, or an identifier typed in (<see cref="Notices.NoticeContentCheck"/>). Recorded with the
/// import that revealed it, or when a run was to start or resume. Fields and kinds only, never the values.
/// </summary>
public sealed record NoticeContentHeld(string ImportId, IReadOnlyList<NoticeContentFinding> Findings) : IncidentEvent;

/// <summary>
/// The letters for the people of an import with the letter channel (a postal address and no email) were exported as a
/// file for mail merge. The history keeps the counts and the SHA-256 (hex) of the exact file, never the letters: the
/// evidence of what went by post. <see cref="Blocked"/> letters failed the notice linter and are not in the file.
/// </summary>
/// <param name="Format">The file's format: <c>csv</c> or <c>html</c> (each has its own hash).</param>
public sealed record LettersExported(string ImportId, string Format, int Letters, int Blocked, string Sha256) : IncidentEvent
{
    /// <summary>The blocked letters by linter finding code (no person, no line).</summary>
    public IReadOnlyDictionary<string, int> BlockedByCode { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// People of the import's letter channel left out because a letter to them already came back undelivered
    /// (<see cref="LettersReturned"/>): they are counted under indirect notice, not sent another letter.
    /// </summary>
    public int Returned { get; init; }
}

/// <summary>
/// The letters were exported again after the notices were complete (a lost file, the printable version), before the
/// contact data was purged. Recorded each time, by the file's SHA-256 (hex) and counts, never the letters: who made
/// another copy, and when, is in the history. It changes nothing else: the completion and its counts stand.
/// </summary>
/// <param name="Format">The file's format: <c>csv</c> or <c>html</c>.</param>
public sealed record LettersReexported(string ImportId, string Format, int Letters, int Blocked, string Sha256) : IncidentEvent;

/// <summary>
/// A privacy officer recorded letters that came back undelivered (returned to sender, address unknown, moved): those
/// people move from direct notice by letter to indirect notice. Counts only; each person's row in the recipients table
/// holds that it came back, when and why. <paramref name="Total"/> is how many letter people of the import have come back
/// in all (counted from their rows), so the same total recorded twice is one event; the decider sets
/// <see cref="Returned"/>, how many more than recorded before.
/// </summary>
/// <param name="Reason">The reason code given with this request (e.g. <c>returnedToSender</c>, <c>addressUnknown</c>, <c>moved</c>).</param>
public sealed record LettersReturned(string ImportId, int Total, string Reason) : IncidentEvent
{
    public int Returned { get; init; }
}

/// <summary>Everyone due a notice was notified (direct, letter or indirect) or withheld: the deadline is met.</summary>
public sealed record NoticesCompleted(NoticeCounts Counts) : IncidentEvent;

/// <summary>
/// A privacy officer chose indirect notice (the public notice) for everyone of the incident not already notified
/// directly, under one of the pack's indirect-notice triggers (BC: it reaches people sooner, or direct notice would
/// unreasonably interfere with operations), with the reason. <see cref="Counts"/> are the final counts; the decider
/// records them as <see cref="NoticesCompleted"/> in the same transaction.
/// </summary>
public sealed record IndirectNoticeChosen(string Trigger, string Reason, NoticeCounts Counts) : IncidentEvent;

public sealed record NoticeCounts(int Direct, int Letters, int Indirect, int Withheld, IReadOnlyList<string> WithheldReasons, string Method)
{
    /// <summary>Emails that were not delivered (bounced, or refused by the relay): those people are counted in <see cref="Indirect"/>.</summary>
    public int Bounced { get; init; }

    /// <summary>Same numbers, method and reasons (record equality would compare the reasons list by reference).</summary>
    public bool SameAs(NoticeCounts other) =>
        (Direct, Letters, Indirect, Withheld, Bounced, Method) == (other.Direct, other.Letters, other.Indirect, other.Withheld, other.Bounced, other.Method)
        && WithheldReasons.SequenceEqual(other.WithheldReasons);
}

/// <summary>
/// The counts of completed notices changed afterwards: a delivery report said an email the relay had accepted was not
/// delivered, or a letter came back (<see cref="LettersReturned"/>), so that person moved from direct to indirect notice. The Commissioner's report draft follows, until it is sent.
/// </summary>
public sealed record NoticeCountsRevised(NoticeCounts Counts) : IncidentEvent;

/// <summary>The incident was closed, with the reason.</summary>
public sealed record IncidentClosed(string Reason, bool BelowThreshold) : IncidentEvent;

/// <summary>
/// The affected people's contact data was purged from the recipients table: names, emails, postal addresses, guardian
/// emails, identifiers and withhold reasons. Each row keeps its line, channel, status, times and Message-ID, the evidence
/// of the decisions. <paramref name="Rows"/> is how many imported rows now hold no contact data; <paramref name="DueAt"/>
/// is when the pack's retention period ran out (later than the record when a privacy officer purged early).
/// </summary>
public sealed record ContactDataPurged(int Rows, DateTimeOffset DueAt) : IncidentEvent;

public enum TimerKind
{
    Reminder,
}

/// <summary>Maps event types to their wire names (the <see cref="JsonDerivedTypeAttribute"/> discriminators).</summary>
public static class EventTypes
{
    private static readonly Dictionary<Type, string> Names =
        typeof(IncidentEvent).GetCustomAttributes(typeof(JsonDerivedTypeAttribute), inherit: false)
            .Cast<JsonDerivedTypeAttribute>()
            .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    public static IReadOnlyCollection<Type> All => Names.Keys;

    public static string NameOf(Type type) => Names[type];
}

/// <summary>An officer started the notices fan-out of the current import: who launched a mass mailing, and when.</summary>
public sealed record NotificationStarted(string RunId, string ImportId, long People, int Batches) : IncidentEvent;

/// <summary>An officer halted the fan-out: no new batch starts, a batch in flight stops between sends.</summary>
public sealed record NotificationHalted(string RunId) : IncidentEvent;

/// <summary>An officer resumed a halted fan-out: its unfinished batches go out again.</summary>
public sealed record NotificationResumed(string RunId) : IncidentEvent;
