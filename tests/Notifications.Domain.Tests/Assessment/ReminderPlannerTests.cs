using Notifications.Domain.Assessment;
using Notifications.Domain.Policy;

namespace Notifications.Domain.Tests.Assessment;

/// <summary>BC v1 schedule: 3 days and 1 day before, at the deadline, daily after; hourly when immediate.</summary>
public sealed class ReminderPlannerTests
{
    private static readonly DateTimeOffset Due = new(2024, 8, 10, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AssessedAt = Due.AddDays(-6);

    public static TheoryData<string, Urgency, DateTimeOffset, DateTimeOffset> Rows => new()
    {
        { "long before: 3 days before", Urgency.Standard, AssessedAt, Due.AddDays(-3) },
        { "at the 3-day reminder: 1 day before", Urgency.Standard, Due.AddDays(-3), Due.AddDays(-1) },
        { "after the 1-day reminder: at the deadline", Urgency.Standard, Due.AddHours(-5), Due },
        { "at the deadline: a day after", Urgency.Standard, Due, Due.AddDays(1) },
        { "missed by 3.5 days: daily", Urgency.Standard, Due.AddDays(3.5), Due.AddDays(4) },
        { "immediate: an hour after the assessment", Urgency.Immediate, AssessedAt, AssessedAt.AddHours(1) },
        { "immediate: hourly", Urgency.Immediate, AssessedAt.AddMinutes(150), AssessedAt.AddHours(3) },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void NextAfter_FollowsThePackSchedule(string name, Urgency urgency, DateTimeOffset after, DateTimeOffset expected)
    {
        Assert.NotNull(name);

        var next = ReminderPlanner.NextAfter(PolicyPacks.BcFoippaV1.Reminders, Due, urgency, AssessedAt, after);

        Assert.Equal(expected, next);
    }
}
