using Notifications.Infrastructure.Workflow;

namespace Notifications.Infrastructure.Tests.Workflow;

public sealed class OutboxDispatcherTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, double?, double> Delays => new()
    {
        { "no time: now", null, 0 },
        { "past: now", -1, 0 },
        { "in an hour", 1.0 / 24, 1.0 / 24 },
        { "in 30 days: capped under the 7-day limit, re-armed on arrival", 30, OutboxDispatcher.MaxDelay.TotalDays },
    };

    [Theory]
    [MemberData(nameof(Delays))]
    public void DelayUntil_ClampsToQueueLimits(string name, double? inDays, double expectedDays)
    {
        var delay = OutboxDispatcher.DelayUntil(inDays is { } d ? Now.AddDays(d) : null, Now);

        Assert.True(Math.Abs(expectedDays - delay.TotalDays) < 1e-9, name);
    }
}
