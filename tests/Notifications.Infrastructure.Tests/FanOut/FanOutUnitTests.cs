using Notifications.Infrastructure.FanOut;

namespace Notifications.Infrastructure.Tests.FanOut;

public sealed class FanOutUnitTests
{
    [Fact]
    public void BatchMessage_RoundTripsIdsOnly()
    {
        var message = new BatchMessage(BatchMessage.CurrentSchema, "inc-1", "run-1", "inc-1|abc|00003", false, null);

        var json = message.ToJson();

        Assert.Equal("""{"schema":1,"incidentId":"inc-1","runId":"run-1","batchId":"inc-1|abc|00003","canary":false}""", json);
        Assert.Equal(message, BatchMessage.Parse(json));
    }

    [Theory]
    [InlineData(30, 60, 1, 2)]          // ACS default: one token every 2 s
    [InlineData(100, 3600, 1, 36)]      // 100 an hour: one every 36 s
    [InlineData(6000, 60, 100, 1)]      // 100 a second, refilled each second
    public void Bucket_NeverHoldsMoreThanOneStep(int limit, int windowSeconds, int tokens, int periodSeconds)
    {
        using var bucket = FanOutRateLimiter.Bucket(limit, TimeSpan.FromSeconds(windowSeconds));

        Assert.Equal(tokens, bucket.GetStatistics()!.CurrentAvailablePermits);
        Assert.Equal(TimeSpan.FromSeconds(periodSeconds), bucket.ReplenishmentPeriod);
    }
}
