using Notifications.Domain.Policy;

namespace Notifications.Domain.Assessment;

/// <summary>
/// When the next deadline reminder is due, from the pack's schedule. Pure: the workflow arms a timer for the returned
/// time and, when it fires, asks again (timers are never cancelled; a fired reminder checks whether it still matters).
/// </summary>
public static class ReminderPlanner
{
    /// <summary>The first reminder strictly after <paramref name="after"/>.</summary>
    /// <param name="schedule">The pack's reminder schedule.</param>
    /// <param name="due">The deadline.</param>
    /// <param name="urgency">Immediate notice is reminded every <see cref="ReminderSchedule.RepeatWhenImmediate"/> from the assessment.</param>
    /// <param name="assessedAt">When the assessment (or the decision) was made.</param>
    /// <param name="after">Usually now, or the time of the reminder that just fired.</param>
    public static DateTimeOffset NextAfter(
        ReminderSchedule schedule, DateTimeOffset due, Urgency urgency, DateTimeOffset assessedAt, DateTimeOffset after)
    {
        if (urgency == Urgency.Immediate)
        {
            return NextRepeat(assessedAt, schedule.RepeatWhenImmediate, after);
        }

        var fixedTimes = schedule.Before.Select(offset => due - offset);
        if (schedule.AtDeadline)
        {
            fixedTimes = fixedTimes.Append(due);
        }

        var next = fixedTimes.Where(t => t > after).Order().FirstOrDefault();
        return next != default ? next : NextRepeat(due, schedule.RepeatAfter, after);
    }

    private static DateTimeOffset NextRepeat(DateTimeOffset from, TimeSpan every, DateTimeOffset after)
    {
        if (after < from)
        {
            return from + every;
        }

        var periods = (after - from).Ticks / every.Ticks + 1;
        return from + TimeSpan.FromTicks(every.Ticks * periods);
    }
}
