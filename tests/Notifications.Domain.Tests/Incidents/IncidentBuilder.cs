using Notifications.Domain.Assessment;
using Notifications.Domain.Breach;
using Notifications.Domain.Incidents;
using Notifications.Domain.Policy;
using Notifications.Domain.Tests.Reports;

namespace Notifications.Domain.Tests.Incidents;

/// <summary>Builders for incident workflow tests: states reached the way the workflow reaches them.</summary>
public static class IncidentBuilder
{
    public static readonly DateTimeOffset Now = BreachFactsBuilder.Now;
    public const string ReporterName = "Pat Reporter";
    public const string ReporterEmail = "pat.reporter@example.test";
    public const string DeletionTask = "task-confirmDeletion";
    public const string Sha256Sample = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static IncidentDecider Decider { get; } = new(ReportInputBuilder.Contact);

    public static IncidentReported Reported(BreachFacts? facts = null) => new(
        new IncidentReport("Misdirected email", "A spreadsheet was emailed to the wrong list.",
            new ReporterContact(ReporterName, ReporterEmail, "250-555-0100"), facts ?? BreachFactsBuilder.Baseline()),
        "hash", PolicyPacks.Default.Id, PolicyPacks.Default.Version) { EventId = "reported" };

    public static AssessmentProposed Proposed(IncidentState state) =>
        new(HarmAssessor.Assess(state.Facts!, PolicyPacks.Default, Now), state.FactsVersion) { EventId = $"proposed:v{state.FactsVersion}" };

    public static SignificantHarmDecided Significant(int factsVersion = 1, Urgency urgency = Urgency.Standard) =>
        new(DecisionKind.Overridden, HarmLevel.High, urgency, "Names with application numbers reached unrelated people.", factsVersion) { EventId = "decided" };

    /// <summary>Open with a proposal and one registered wrong recipient; notifying after an override; closed from notifying.</summary>
    public static IncidentState InStatus(IncidentStatus status)
    {
        var state = IncidentState.Empty("inc-1");
        if (status == IncidentStatus.None)
        {
            return state;
        }

        state = Apply(state, Reported());
        state = Apply(state, Proposed(state));
        state = Apply(state, new WrongRecipientsRegistered(DeletionTask, [new("r1", "wrong@example.test", "en")]) { EventId = "wrong-1" });
        if (status == IncidentStatus.Open)
        {
            return state;
        }

        state = Apply(state, Significant());
        return status == IncidentStatus.Notifying ? state : Apply(state, new IncidentClosed("Handled elsewhere.", false) { EventId = "close" });
    }

    /// <summary>Notifying with the notices complete (the <see cref="NoticesCompleted"/> sample), or closed after that.</summary>
    public static IncidentState NoticesComplete(IncidentStatus status = IncidentStatus.Notifying)
    {
        var notifying = InStatus(IncidentStatus.Notifying);
        var complete = Apply(notifying, SampleOf(typeof(NoticesCompleted), notifying));
        return status == IncidentStatus.Closed ? Apply(complete, new IncidentClosed("Handled.", false) { EventId = "close" }) : complete;
    }

    /// <summary>Notifying with import <c>imp-1</c> (one letter person) and its letters exported, or closed after that.</summary>
    public static IncidentState LettersExported(IncidentStatus status = IncidentStatus.Notifying)
    {
        var state = InStatus(IncidentStatus.Notifying);
        state = Apply(state, SampleOf(typeof(RecipientsImported), state));
        state = Apply(state, SampleOf(typeof(LettersExported), state));
        return status == IncidentStatus.Closed ? Apply(state, new IncidentClosed("Handled.", false) { EventId = "close" }) : state;
    }

    /// <summary>One sample of every inbound event type that the given state accepts as fresh.</summary>
    public static IncidentEvent SampleOf(Type type, IncidentState state) => type.Name switch
    {
        nameof(IncidentReported) => Reported(),
        nameof(FactsAmended) => new FactsAmended(BreachFactsBuilder.Baseline().WithRecipientCount(3), ["recipients.count"], "Three recipients, not one.") { EventId = "amend-1" },
        nameof(AssessmentProposed) => Proposed(state),
        nameof(SignificantHarmDecided) => Significant(state.FactsVersion) with { EventId = "decided-again" },
        nameof(NoSignificantHarmDecided) => new NoSignificantHarmDecided(DecisionKind.Overridden, HarmLevel.Low, "Recipients are colleagues under the same duty.", state.FactsVersion) { EventId = "below" },
        nameof(TimerFired) => new TimerFired("g1-at", TimerKind.Reminder, Now) { EventId = "timer-fired:g1-at" },
        nameof(ReminderSent) => new ReminderSent("g1-at", "<m@x>") { EventId = "reminder-sent:g1-at" },
        nameof(ContainmentTaskAdded) => new ContainmentTaskAdded(new("task-custom-1", "custom", "Call the vendor", "PrivacyOfficer", Now.AddDays(1), Domain.Containment.ContainmentTaskKind.Manual)) { EventId = "add-1" },
        nameof(ContainmentTaskCompleted) => new ContainmentTaskCompleted(state.Tasks.First(t => t.Task.Kind == Domain.Containment.ContainmentTaskKind.Manual && !t.Done).Task.TaskId, "Done.") { EventId = "complete-1" },
        nameof(WrongRecipientsRegistered) => new WrongRecipientsRegistered(DeletionTask, [new("r2", "wrong2@example.test", "fr")]) { EventId = "wrong-2" },
        nameof(DeletionRequestsSent) => new DeletionRequestsSent(DeletionTask, ["r1"], Now.AddDays(14)) { EventId = "requests-sent" },
        nameof(DeletionConfirmed) => new DeletionConfirmed(DeletionTask, "r1") { EventId = "confirmed-r1" },
        nameof(CommissionerReportApproved) => new CommissionerReportApproved("", "") { EventId = "approve-1" },
        nameof(CommissionerReportSent) => new CommissionerReportSent("commissioner@example.test", "<r@x>", "s", "t") { EventId = "report-sent" },
        nameof(RecipientsImported) => new RecipientsImported("imp-1", new(3, new Dictionary<string, long> { ["en"] = 3 }, new Dictionary<string, long> { ["BC"] = 3 },
            new Dictionary<Domain.Recipients.NoticeChannel, long> { [Domain.Recipients.NoticeChannel.Email] = 2, [Domain.Recipients.NoticeChannel.Letter] = 1 }, 0, 1, 0), true)
            { EventId = "imported" },
        nameof(LettersExported) => new LettersExported("imp-1", "csv", 1, 0, Sha256Sample) { EventId = $"letters-exported:imp-1:{Sha256Sample}" },
        nameof(LettersReexported) => new LettersReexported("imp-1", "html", 1, 0, Sha256Sample) { EventId = "letters-reexported:1" },
        nameof(LettersReturned) => new LettersReturned("imp-1", 1, "returnedToSender") { EventId = "letters-returned:imp-1:1" },
        nameof(NotificationStarted) => new NotificationStarted("run-1", "imp-1", 10, 1) { EventId = "notification-started:run-1" },
        nameof(NotificationHalted) => new NotificationHalted("run-1") { EventId = "notification-halted-1" },
        nameof(NotificationResumed) => new NotificationResumed("run-1") { EventId = "notification-resumed-1" },
        nameof(NoticesCompleted) => new NoticesCompleted(new NoticeCounts(10, 2, 1, 1, ["Safety of a person under a protection order."], "Email and letters.")) { EventId = "notices-done" },
        nameof(NoticeCountsRevised) => new NoticeCountsRevised(new NoticeCounts(9, 2, 2, 1, ["Safety of a person under a protection order."], "Email and letters.")) { EventId = "notice-counts-revised:d9-l2-i2-w1" },
        nameof(NoticeContentSubmitted) => new NoticeContentSubmitted(new("A file was emailed to the wrong person.", "Un fichier a été envoyé à la mauvaise personne."),
            new(["Watch your accounts"], ["Surveillez vos comptes"]), "v1") { EventId = "content-1" },
        nameof(NoticeContentApproved) => new NoticeContentApproved("v1") { EventId = "content-approved-1" },
        nameof(NoticeContentHeld) => new NoticeContentHeld(state.Recipients?.ImportId ?? "", [new(NoticeContentTargets.Approved, "summary.en", "sin")])
            { EventId = "notice-content-held:start" },
        nameof(IndirectNoticeChosen) => new IndirectNoticeChosen("reachesSooner", "Most addresses on file are years old; a public notice reaches people sooner.",
            new NoticeCounts(0, 0, 4000, 0, [], "Public notice on the website and in local media.")) { EventId = "indirect-1" },
        nameof(IncidentClosed) => new IncidentClosed("Duplicate of another report", false) { EventId = "close-1" },
        nameof(ContactDataPurged) => new ContactDataPurged(3, Now) { EventId = "contact-data-purged" },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name),
    };

    /// <summary>The state with notice content submitted and approved.</summary>
    public static IncidentState WithApprovedContent(IncidentState state)
    {
        state = Apply(state, SampleOf(typeof(NoticeContentSubmitted), state));
        return Apply(state, SampleOf(typeof(NoticeContentApproved), state));
    }

    public static IncidentState Apply(IncidentState state, IncidentEvent inbound, DateTimeOffset? at = null) =>
        Decider.Decide(state, inbound, at ?? Now).Events.Aggregate(state, (s, e) => IncidentEvolution.Evolve(s, e, at ?? Now));
}
