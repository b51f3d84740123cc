using Notifications.Domain.Assessment;
using Notifications.Domain.Policy;

namespace Notifications.Domain.Incidents;

public sealed partial class IncidentDecider
{
    /// <summary>Sets the deadline from the pack when it changes, and arms the reminders of the new generation.</summary>
    private static void SetDeadline(DecisionBuilder d, PolicyPack pack, HarmLevel level, Urgency urgency, string note, string idBase)
    {
        var computed = DeadlineCalculator.Compute(d.State.Facts!, pack, level, significant: true, urgency, d.Now)[0];
        var due = computed.Due ?? d.Now;

        // Same urgency: the deadline only ever moves earlier. (An immediate deadline recomputed a moment later is the
        // same deadline, not a new one with a new round of reminders.)
        if (d.State.Urgency == urgency && d.State.Deadline is { } current && due >= current)
        {
            KeepDecidedDeadline(d, current, due == current ? $"{computed.Basis} ({pack}){note}" : null, idBase);
            return;
        }

        d.Add(new DeadlineSet(due, urgency, $"{computed.Basis} ({pack}){note}", d.State.DeadlineGeneration + 1) { EventId = $"{idBase}:deadline" });
        Arm(d, ReminderSlots.Initial(d.State, pack.Reminders), $"{idBase}:reminders");
    }

    /// <summary>The note of the deadline set at intake, until a privacy officer decides on the assessment.</summary>
    internal const string ProvisionalNote = "; provisional until a privacy officer decides on the assessment";

    /// <summary>
    /// A decision that leaves the deadline where it is still ends its provisional basis: the same deadline and generation
    /// (so the reminders stay), with the decided basis, or, when the decided one would be later, the kept one's.
    /// </summary>
    private static void KeepDecidedDeadline(DecisionBuilder d, DateTimeOffset current, string? decidedBasis, string idBase)
    {
        if (d.State.DeadlineBasis is not { } basis || !basis.EndsWith(ProvisionalNote, StringComparison.Ordinal))
        {
            return;
        }

        var kept = decidedBasis ?? basis[..^ProvisionalNote.Length] + "; kept when a privacy officer decided, as a deadline never moves later";
        d.Add(new DeadlineSet(current, d.State.Urgency, kept, d.State.DeadlineGeneration) { EventId = $"{idBase}:deadline" });
    }

    /// <summary>
    /// Arms reminders. Those already past collapse into the latest of them, due now, so a late report or a deadline
    /// moved into the past warns the office once instead of several times at once.
    /// </summary>
    private static void Arm(DecisionBuilder d, IReadOnlyList<ArmedReminder> planned, string eventId)
    {
        var past = planned.Where(r => r.DueAt <= d.Now).ToList();
        var armed = planned.Where(r => r.DueAt > d.Now).ToList();
        if (past.Count > 0)
        {
            armed.Insert(0, past[^1] with { DueAt = d.Now });
        }

        d.Add(new RemindersArmed(armed) { EventId = eventId });
        foreach (var r in armed)
        {
            d.Command(new ScheduleTimer($"timer:{r.ReminderId}", r.ReminderId, TimerKind.Reminder, r.DueAt));
        }
    }

    /// <summary>
    /// A reminder timer fired: remind unless it belongs to an older deadline, notices are complete, or it already
    /// fired; then arm the next repeating one (daily after the deadline, hourly when immediate).
    /// </summary>
    private static void ReminderDue(DecisionBuilder d, TimerFired t)
    {
        var s = d.State;
        if (ReminderSlots.Parse(t.TimerId) is not { } slot || slot.Generation != s.DeadlineGeneration
            || s.NoticesCompletedAt is not null || s.RemindersDue.Contains(t.TimerId) || s.Deadline is not { } deadline)
        {
            return;
        }

        d.Add(new ReminderDue(t.TimerId, deadline) { EventId = $"{t.EventId}:due" });
        d.Command(new SendReminder($"send-reminder:{t.TimerId}", t.TimerId));
        if (ReminderSlots.Next(d.State, Pack(s).Reminders, slot, d.Now) is { } next && !s.Reminders.Any(r => r.ReminderId == next.ReminderId))
        {
            Arm(d, [next], $"{t.EventId}:next");
        }
    }
}
