using System.ComponentModel.DataAnnotations;

namespace Notifications.Infrastructure.FanOut;

/// <summary>
/// Fan-out settings (configuration section <c>FanOut</c>). The rates are the provider's quota for the whole app: the
/// Communication Services default on a custom domain is 30 a minute and 100 an hour (raised on request). Every SMTP
/// attempt, retries included, takes a permit, because retries count against the quota too.
/// </summary>
public sealed class FanOutOptions
{
    public const string Section = "FanOut";

    /// <summary>Sends allowed per minute, process-wide.</summary>
    [Range(1, int.MaxValue)]
    public int PerMinute { get; set; } = 30;

    /// <summary>Sends allowed per hour, process-wide.</summary>
    [Range(1, int.MaxValue)]
    public int PerHour { get; set; } = 100;

    /// <summary>Connected SMTP clients in the pool, and sends in flight at once (process-wide).</summary>
    [Range(1, 250)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>People in the canary: the first ⌈CanarySize/100⌉ batches go out alone first.</summary>
    [Range(1, 100_000)]
    public int CanarySize { get; set; } = 100;

    /// <summary>The largest share of the canary that may be blocked, fail permanently or bounce (when reported by then) for the rest to follow.</summary>
    [Range(0.0, 1.0)]
    public double CanaryMaxProblemRate { get; set; } = 0.02;

    /// <summary>
    /// How long the rest of a run waits, after the canary batches completed, for the canary's delivery reports (Communication
    /// Services through Event Grid): it is released as soon as every canary email has a report, or when this time has
    /// passed, judged on the bounces reported by then. Zero: the relay's 250 is enough (maildev and simulated mail send no
    /// reports). In Azure: a few minutes (infra/main.bicep).
    /// </summary>
    public TimeSpan CanaryDeliveryWait { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// People marked <c>sending</c> in one table transaction before their sends, and marked done in one after. It bounds
    /// the resends after a crash (at most this many per batch) and sets the table transactions per person (two per chunk):
    /// 20 halves the simulated throughput of 100 on Azurite (see benchmarks/results).
    /// </summary>
    [Range(1, 100)]
    public int ChunkSize { get; set; } = 50;

    /// <summary>Attempts per email for transient failures (4xx, refused connection, I/O) before the batch is handed back to the queue.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First back-off delay between attempts (exponential, with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the halt flag may be cached (at most one second, so a halt stops sending within seconds).</summary>
    public TimeSpan HaltCacheTtl { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A row in <c>sending</c> younger than this belongs to an attempt that may still be running (Durable ran the batch
    /// activity twice at once); older means a crashed attempt, and the person is sent again and counted as possibly sent
    /// twice. A row is in <c>sending</c> for at most one chunk's sends; sending resumes this long after a crash at most.
    /// </summary>
    public TimeSpan SendingLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Batches a run sends at once (activities in flight). With <see cref="MaxConcurrency"/> sends each, this bounds the
    /// run's SMTP calls in flight; the quota (<see cref="PerMinute"/>, <see cref="PerHour"/>) bounds their rate.
    /// </summary>
    [Range(1, 64)]
    public int MaxBatchesInFlight { get; set; } = 4;
}
