namespace Notifications.Domain.Incidents;

/// <summary>What an inbound event does in a given status.</summary>
public enum TransitionKind
{
    /// <summary>Handle it; the incident moves to (or stays in) the target status.</summary>
    Apply,

    /// <summary>A late or moot event (a timer after closing): record nothing, change nothing.</summary>
    Ignore,

    /// <summary>Not allowed: the caller gets an <see cref="InvalidTransitionException"/>.</summary>
    Reject,
}

public readonly record struct Transition(TransitionKind Kind, IncidentStatus To);

/// <summary>The one explicit transition table of the incident workflow: status × inbound event type.</summary>
public static class IncidentTransitions
{
    private const IncidentStatus Open = IncidentStatus.Open;
    private const IncidentStatus Notifying = IncidentStatus.Notifying;
    private const IncidentStatus Closed = IncidentStatus.Closed;

    /// <summary>Inbound event types: those that arrive from intake, timers, activities or people.</summary>
    public static IReadOnlyList<Type> InboundEvents { get; } =
    [
        typeof(IncidentReported), typeof(FactsAmended), typeof(AssessmentProposed), typeof(SignificantHarmDecided),
        typeof(NoSignificantHarmDecided), typeof(TimerFired), typeof(ReminderSent), typeof(ContainmentTaskAdded),
        typeof(ContainmentTaskCompleted), typeof(WrongRecipientsRegistered), typeof(DeletionRequestsSent), typeof(DeletionConfirmed),
        typeof(CommissionerReportApproved), typeof(CommissionerReportSent), typeof(RecipientsImported), typeof(NoticesCompleted), typeof(IncidentClosed),
        typeof(NoticeContentSubmitted), typeof(NoticeContentApproved), typeof(IndirectNoticeChosen), typeof(LettersExported), typeof(ContactDataPurged),
        typeof(NoticeCountsRevised), typeof(LettersReturned), typeof(NoticeContentHeld), typeof(NotificationStarted),
        typeof(NotificationHalted), typeof(NotificationResumed), typeof(LettersReexported),
    ];

    private static readonly Dictionary<(IncidentStatus, Type), Transition> Table = Build();

    /// <summary>The transition for <paramref name="eventType"/> in <paramref name="from"/>; anything not listed is rejected.</summary>
    public static Transition For(IncidentStatus from, Type eventType) =>
        Table.TryGetValue((from, eventType), out var transition) ? transition : new(TransitionKind.Reject, from);

    private static Dictionary<(IncidentStatus, Type), Transition> Build()
    {
        var table = new Dictionary<(IncidentStatus, Type), Transition>
        {
            [(IncidentStatus.None, typeof(IncidentReported))] = Apply(Open),
        };

        // While open or notifying, the work goes on: facts, assessment, containment, reminders.
        foreach (var status in new[] { Open, Notifying })
        {
            foreach (var type in new[]
            {
                typeof(FactsAmended), typeof(AssessmentProposed), typeof(TimerFired), typeof(ReminderSent), typeof(ContainmentTaskAdded),
                typeof(ContainmentTaskCompleted), typeof(WrongRecipientsRegistered), typeof(DeletionRequestsSent), typeof(DeletionConfirmed),
                typeof(RecipientsImported), typeof(NoticeContentSubmitted), typeof(NoticeContentHeld),
            })
            {
                table[(status, type)] = Apply(status);
            }

            table[(status, typeof(SignificantHarmDecided))] = Apply(Notifying);
            table[(status, typeof(NoSignificantHarmDecided))] = Apply(Closed);
            table[(status, typeof(IncidentClosed))] = Apply(Closed);
        }

        // Only once significant harm is confirmed: the Commissioner's report and the notices.
        table[(Notifying, typeof(CommissionerReportApproved))] = Apply(Notifying);
        table[(Notifying, typeof(CommissionerReportSent))] = Apply(Notifying);
        table[(Notifying, typeof(NoticesCompleted))] = Apply(Notifying);
        table[(Notifying, typeof(NoticeContentApproved))] = Apply(Notifying);
        table[(Notifying, typeof(IndirectNoticeChosen))] = Apply(Notifying);
        table[(Notifying, typeof(LettersExported))] = Apply(Notifying);
        table[(Notifying, typeof(NoticeCountsRevised))] = Apply(Notifying);
        table[(Notifying, typeof(LettersReturned))] = Apply(Notifying);

        // The fan-out's start, halts and resumes are recorded (the endpoints check when they may happen); a halt is
        // recorded whenever an officer makes it, even once the incident is closed.
        table[(Notifying, typeof(NotificationStarted))] = Apply(Notifying);
        table[(Notifying, typeof(NotificationResumed))] = Apply(Notifying);
        table[(Notifying, typeof(NotificationHalted))] = Apply(Notifying);
        table[(Closed, typeof(NotificationHalted))] = Apply(Closed);

        // The contact data is purged once it is no longer needed: notices complete (the decider checks) or the incident closed.
        table[(Notifying, typeof(ContactDataPurged))] = Apply(Notifying);
        table[(Closed, typeof(ContactDataPurged))] = Apply(Closed);

        // Closed: late timers and assessments are moot; outcomes of work already under way are still recorded.
        table[(Closed, typeof(TimerFired))] = Ignore(Closed);
        table[(Closed, typeof(AssessmentProposed))] = Ignore(Closed);
        table[(Closed, typeof(NoticeContentHeld))] = Ignore(Closed); // nothing goes out after closing
        table[(Closed, typeof(ReminderSent))] = Apply(Closed);
        table[(Closed, typeof(DeletionRequestsSent))] = Apply(Closed);
        table[(Closed, typeof(DeletionConfirmed))] = Apply(Closed);
        table[(Closed, typeof(CommissionerReportSent))] = Apply(Closed);
        table[(Closed, typeof(NoticeCountsRevised))] = Apply(Closed);
        table[(Closed, typeof(LettersReturned))] = Apply(Closed); // a letter can come back after the incident closed

        // The letters can be exported again once the notices are complete, until the purge (the decider checks).
        table[(Notifying, typeof(LettersReexported))] = Apply(Notifying);
        table[(Closed, typeof(LettersReexported))] = Apply(Closed);
        return table;
    }

    private static Transition Apply(IncidentStatus to) => new(TransitionKind.Apply, to);

    private static Transition Ignore(IncidentStatus to) => new(TransitionKind.Ignore, to);
}

/// <summary>An event that the incident's current status does not allow.</summary>
public sealed class InvalidTransitionException(IncidentStatus from, string operation)
    : InvalidOperationException($"'{operation}' is not allowed while the incident is {from}.")
{
    public IncidentStatus From { get; } = from;

    public string Operation { get; } = operation;
}

/// <summary>An allowed event whose content the incident refuses (a stale decision, an unknown task): nothing changes.</summary>
public sealed class DecisionRejectedException(string reason) : InvalidOperationException(reason);
