using System.Globalization;
using System.Xml;
using Notifications.Domain.Assessment;
using Notifications.Domain.Policy;

namespace Notifications.Domain.Incidents;

/// <summary>
/// Reminder timers have deterministic ids per deadline generation: <c>g2-before-P3D</c>, <c>g2-at</c>, <c>g2-after-3</c>
/// (the third day after the deadline), <c>g2-hourly-5</c> (immediate urgency). A timer and the deadline sweep that
/// stands in for a lost one produce the same id, so the reminder happens once.
/// </summary>
public static class ReminderSlots
{
    public sealed record Slot(int Generation, string Kind, int N);

    /// <summary>The first reminders for a new deadline: before it and at it, or hourly from now when immediate.</summary>
    public static IReadOnlyList<ArmedReminder> Initial(IncidentState s, ReminderSchedule schedule)
    {
        var g = s.DeadlineGeneration;
        var deadline = s.Deadline!.Value;
        if (s.Urgency == Urgency.Immediate)
        {
            return [new($"g{g}-hourly-0", deadline)];
        }

        var planned = schedule.Before.OrderDescending().Select(b => new ArmedReminder($"g{g}-before-{XmlConvert.ToString(b)}", deadline - b)).ToList();
        planned.Add(schedule.AtDeadline ? new($"g{g}-at", deadline) : new($"g{g}-after-1", deadline + schedule.RepeatAfter));
        return planned;
    }

    /// <summary>The repeating reminder after <paramref name="fired"/>, skipping any that are already past.</summary>
    public static ArmedReminder? Next(IncidentState s, ReminderSchedule schedule, Slot fired, DateTimeOffset now)
    {
        if (fired.Kind == "before")
        {
            return null;
        }

        var deadline = s.Deadline!.Value;
        var (kind, every) = fired.Kind == "hourly" ? ("hourly", schedule.RepeatWhenImmediate) : ("after", schedule.RepeatAfter);
        var n = Math.Max(fired.N + 1, Elapsed(deadline, every, now) + 1);
        return new($"g{fired.Generation}-{kind}-{n}", deadline + (every * n));
    }

    /// <summary>The reminder that should have fired most recently for an overdue deadline (what the sweep re-fires).</summary>
    public static ArmedReminder? Overdue(IncidentState s, ReminderSchedule schedule, DateTimeOffset now)
    {
        if (s.Deadline is not { } deadline || deadline > now)
        {
            return null;
        }

        var g = s.DeadlineGeneration;
        if (s.Urgency == Urgency.Immediate)
        {
            var h = Elapsed(deadline, schedule.RepeatWhenImmediate, now);
            return new($"g{g}-hourly-{h}", deadline + (schedule.RepeatWhenImmediate * h));
        }

        var n = Elapsed(deadline, schedule.RepeatAfter, now);
        return n == 0 && schedule.AtDeadline
            ? new($"g{g}-at", deadline)
            : new($"g{g}-after-{Math.Max(n, 1)}", deadline + (schedule.RepeatAfter * Math.Max(n, 1)));
    }

    public static Slot? Parse(string id)
    {
        var parts = id.Split('-', 3);
        if (parts.Length < 2 || parts[0].Length < 2 || parts[0][0] != 'g'
            || !int.TryParse(parts[0][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var g))
        {
            return null;
        }

        return parts[1] switch
        {
            "at" when parts.Length == 2 => new(g, "at", 0),
            "before" when parts.Length == 3 => new(g, "before", 0),
            "after" or "hourly" when parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) => new(g, parts[1], n),
            _ => null,
        };
    }

    private static int Elapsed(DateTimeOffset deadline, TimeSpan every, DateTimeOffset now) =>
        now <= deadline ? 0 : (int)((now - deadline).Ticks / every.Ticks);
}
