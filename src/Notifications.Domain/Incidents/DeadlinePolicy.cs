namespace Notifications.Domain.Incidents;

/// <summary>
/// The deadline rules the workflow applies: notify within <see cref="NotificationWindow"/> of discovery, or
/// immediately when physical harm is possible, and remind the privacy office at <see cref="ReminderOffsets"/>
/// relative to the deadline (negative = before it). The BC FOIPPA default is one week (seeds/004).
/// </summary>
public sealed record DeadlinePolicy(string PackId, string PackVersion, TimeSpan NotificationWindow, IReadOnlyList<TimeSpan> ReminderOffsets)
{
    public static DeadlinePolicy BcFoippaDefault { get; } = new(
        "bc-foippa",
        "1",
        TimeSpan.FromDays(7),
        [TimeSpan.FromDays(-3), TimeSpan.FromDays(-1), TimeSpan.Zero, TimeSpan.FromDays(1), TimeSpan.FromDays(2)]);
}
