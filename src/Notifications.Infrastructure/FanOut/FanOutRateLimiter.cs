using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Notifications.Infrastructure.FanOut;

/// <summary>
/// The provider quota, shared by every batch in the process: a token bucket per minute, then one per hour. Each bucket
/// refills in small steps and holds no more than one step, so no window ever sees more than its limit in a burst. Every
/// SMTP attempt takes one permit of each.
/// </summary>
/// <remarks>
/// Not <c>PartitionedRateLimiter.CreateChained</c> over these buckets: a partitioned limiter disposes a partition's
/// limiter once it has been idle (a full bucket) for 10 seconds, and a factory that hands back the same bucket then hands
/// back a disposed one, so every send after a quiet spell (a halt, a canary waiting for delivery reports, the next
/// incident) failed with <see cref="ObjectDisposedException"/>. The two buckets are asked in turn instead, as the chained
/// limiter did: a minute permit taken while the hour bucket is empty is spent, which only makes the quota stricter.
/// </remarks>
public sealed class FanOutRateLimiter : IAsyncDisposable
{
    private long _granted;

    public FanOutRateLimiter(IOptions<FanOutOptions> options)
    {
        var o = options.Value;
        PerMinute = Bucket(o.PerMinute, TimeSpan.FromMinutes(1));
        PerHour = Bucket(o.PerHour, TimeSpan.FromHours(1));
    }

    /// <summary>The per-minute bucket (its statistics are the test's evidence).</summary>
    public TokenBucketRateLimiter PerMinute { get; }

    /// <summary>The per-hour bucket.</summary>
    public TokenBucketRateLimiter PerHour { get; }

    /// <summary>Permits handed out so far: one per SMTP attempt.</summary>
    public long PermitsGranted => Interlocked.Read(ref _granted);

    /// <summary>
    /// Waits for a permit in slices of at most <paramref name="slice"/>, asking <paramref name="stop"/> between slices, so a
    /// halt is noticed while waiting on a slow quota. Returns false when <paramref name="stop"/> said stop.
    /// </summary>
    public async Task<bool> AcquireAsync(Func<CancellationToken, ValueTask<bool>> stop, TimeSpan slice, CancellationToken ct)
    {
        if (await stop(ct))
        {
            return false;
        }

        // Fast path: a permit is free now (the usual case when the quota is above what the relay takes).
        using (var minute = PerMinute.AttemptAcquire())
        using (var hour = minute.IsAcquired ? PerHour.AttemptAcquire() : null)
        {
            if (hour is { IsAcquired: true })
            {
                return Granted();
            }
        }

        while (true)
        {
            if (await stop(ct))
            {
                return false;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(slice);
            try
            {
                using var minute = await PerMinute.AcquireAsync(1, wait.Token);
                using var hour = minute.IsAcquired ? await PerHour.AcquireAsync(1, wait.Token) : null;
                if (hour is { IsAcquired: true })
                {
                    return Granted();
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The slice ended: look at the halt flag again, then keep waiting.
            }
        }
    }

    private bool Granted()
    {
        Interlocked.Increment(ref _granted);
        return true;
    }

    /// <summary>Refill <c>limit</c> tokens per <c>window</c> in steps of at least one second (or one token), never holding more than a step.</summary>
    internal static TokenBucketRateLimiter Bucket(int limit, TimeSpan window)
    {
        var steps = Math.Min(limit, (int)window.TotalSeconds);
        var tokensPerStep = limit / steps;
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokensPerStep,
            TokensPerPeriod = tokensPerStep,
            ReplenishmentPeriod = window / steps,
            QueueLimit = 1_000_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await PerMinute.DisposeAsync();
        await PerHour.DisposeAsync();
    }
}
