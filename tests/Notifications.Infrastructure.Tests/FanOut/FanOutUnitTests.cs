using Microsoft.Extensions.Options;
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

    [Fact]
    public async Task Limiter_AfterAQuietSpellLongerThanAPartitionedLimitersIdleCleanup_StillGrantsPermits()
    {
        await using var limiter = new FanOutRateLimiter(Options.Create(new FanOutOptions { PerMinute = 6000, PerHour = 360_000 }));
        static ValueTask<bool> Go(CancellationToken _) => ValueTask.FromResult(false);
        Assert.True(await limiter.AcquireAsync(Go, TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));

        // System.Threading.RateLimiting disposes a partition's idle limiter after 10 s; the buckets must outlive that.
        await Task.Delay(TimeSpan.FromSeconds(11), TestContext.Current.CancellationToken);

        Assert.True(await limiter.AcquireAsync(Go, TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
        Assert.Equal((2L, 2L, 2L), (limiter.PermitsGranted, limiter.PerMinute.GetStatistics()!.TotalSuccessfulLeases, limiter.PerHour.GetStatistics()!.TotalSuccessfulLeases));
    }
}
