namespace Notifications.Domain.Incidents;

/// <summary>
/// The pure core of the incident workflow. <see cref="Decide"/> turns one inbound event into events and commands;
/// <see cref="Evolve"/> folds an event into the state. Nothing here reads a clock, sends or stores.
/// </summary>
public sealed class IncidentDecider(DeadlinePolicy policy)
{
    public Decision Decide(IncidentState state, IncidentEvent inbound, DateTimeOffset now)
    {
        var transition = IncidentTransitions.For(state.Status, inbound.GetType());
        return transition.Kind switch
        {
            TransitionKind.Reject => throw new InvalidTransitionException(state.Status, inbound.TypeName),
            TransitionKind.Ignore => Decision.Nothing,
            _ => inbound switch
            {
                IncidentReported reported => Register(state, reported, now),
                TimerFired { Kind: TimerKind.Reminder } timer => ReminderTimer(state, timer),
                ReminderSent sent => state.RemindersSent.Contains(sent.ReminderId) ? Decision.Nothing : new([sent], []),
                IncidentClosed closed => new([closed], []),
                _ => throw new InvalidTransitionException(state.Status, inbound.TypeName),
            },
        };
    }

    public static IncidentState Evolve(IncidentState state, IncidentEvent e, DateTimeOffset at) => e switch
    {
        IncidentReported r => state with
        {
            Status = IncidentStatus.Open,
            Report = r.Report,
            RequestHash = r.RequestHash,
            ReportedAt = at,
        },
        DeadlineSet d => state with { Deadline = d.Deadline, Urgency = d.Urgency, DeadlineBasis = d.Basis },
        RemindersArmed a => state with { Reminders = state.Reminders.AddRange(a.Reminders) },
        ReminderDue due => state with { RemindersDue = state.RemindersDue.Add(due.ReminderId) },
        ReminderSent sent => state with { RemindersSent = state.RemindersSent.Add(sent.ReminderId) },
        IncidentClosed c => state with { Status = IncidentStatus.Closed, ClosedReason = c.Reason, ClosedAt = at },
        _ => state,
    };

    private Decision Register(IncidentState state, IncidentReported reported, DateTimeOffset now)
    {
        var report = reported.Report;
        var (deadline, urgency, basis) = report.PhysicalHarmPossible
            ? (now, Urgency.Immediate, $"Physical harm is possible: notify immediately ({policy.PackId} v{policy.PackVersion}).")
            : (report.Discovered + policy.NotificationWindow, Urgency.Standard,
                $"{policy.NotificationWindow.TotalDays:0.#} days after discovery ({policy.PackId} v{policy.PackVersion}).");

        var reminders = PlanReminders(deadline, now);
        var events = new List<IncidentEvent>
        {
            reported,
            new DeadlineSet(deadline, urgency, basis) { EventId = $"{reported.EventId}:deadline" },
        };
        if (reminders.Count > 0)
        {
            events.Add(new RemindersArmed(reminders) { EventId = $"{reported.EventId}:reminders" });
        }

        var commands = reminders
            .Select(r => (WorkflowCommand)new ScheduleTimer($"timer:{r.ReminderId}", r.ReminderId, TimerKind.Reminder, r.DueAt))
            .ToList();
        return new(events, commands);
    }

    /// <summary>
    /// One reminder per policy offset. Offsets already past at registration collapse into the latest of them,
    /// due now, so a late report still warns the office once instead of several times at once.
    /// </summary>
    private List<ArmedReminder> PlanReminders(DateTimeOffset deadline, DateTimeOffset now)
    {
        var planned = policy.ReminderOffsets
            .Order()
            .Select((offset, i) => new ArmedReminder($"reminder-{i + 1}", deadline + offset, offset))
            .ToList();
        var past = planned.Where(r => r.DueAt <= now).ToList();
        var result = planned.Where(r => r.DueAt > now).ToList();
        if (past.Count > 0)
        {
            result.Insert(0, past[^1] with { DueAt = now });
        }

        return result;
    }

    private static Decision ReminderTimer(IncidentState state, TimerFired timer)
    {
        if (state.RemindersDue.Contains(timer.TimerId) || state.Deadline is not { } deadline)
        {
            return Decision.Nothing;
        }

        var due = new ReminderDue(timer.TimerId, deadline) { EventId = $"{timer.EventId}:due" };
        var send = new SendReminder($"send-reminder:{timer.TimerId}", timer.TimerId);
        return new([due], [send]);
    }
}
