namespace Notifications.Domain.Policy;

/// <summary>When to remind the privacy office about a notification deadline.</summary>
/// <param name="Before">Offsets before the deadline (e.g. 3 days, 1 day).</param>
/// <param name="AtDeadline">Also remind at the deadline itself.</param>
/// <param name="RepeatAfter">After a missed deadline, remind this often (e.g. daily).</param>
/// <param name="RepeatWhenImmediate">When notice is immediate, remind this often from the assessment (e.g. hourly).</param>
public sealed record ReminderSchedule(
    IReadOnlyList<TimeSpan> Before,
    bool AtDeadline,
    TimeSpan RepeatAfter,
    TimeSpan RepeatWhenImmediate);
