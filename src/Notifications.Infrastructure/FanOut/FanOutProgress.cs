using Microsoft.Extensions.Options;
using Notifications.Infrastructure.Storage;

namespace Notifications.Infrastructure.FanOut;

/// <summary>
/// The fan-in: where an incident's run stands, aggregated from the per-batch result rows (one query over the incident's
/// <c>fanout</c> partition; no writer ever touches a shared row). People of batches that have not reported count as pending.
/// </summary>
public sealed record FanOutSnapshot(
    string IncidentId,
    string RunId,
    long People,
    int Batches,
    int BatchesReleased,
    int BatchesReported,
    int BatchesComplete,
    long Sent,
    long Blocked,
    long FailedPermanent,
    long Skipped,
    long Pending,
    bool Halted,
    DateTimeOffset StartedAt,
    DateTimeOffset? LastReportAt,
    double SentPerSecond,
    TimeSpan? Eta)
{
    /// <summary>People sent, then reported undelivered by the relay: now indirect notice, not counted in <see cref="Sent"/>.</summary>
    public long Bounced { get; init; }

    /// <summary>Of <see cref="Sent"/>, the people with delivery evidence (a <c>Delivered</c> report).</summary>
    public long Delivered { get; init; }

    /// <summary>
    /// People sent again because an attempt crashed while their send was in flight (Durable re-ran the batch): the relay
    /// may have taken their notice twice, with the same Message-ID. An upper bound: counted in <see cref="Sent"/> once.
    /// </summary>
    public long PossiblySentTwice { get; init; }

    /// <summary>
    /// While the canary waits for its delivery reports (<see cref="FanOutOptions.CanaryDeliveryWait"/>): when the rest goes
    /// out at the latest. Null when there is no such wait.
    /// </summary>
    public DateTimeOffset? CanaryDeliveryWaitUntil { get; init; }

    /// <summary>
    /// Where the canary stands (<see cref="CanaryStates"/>): <c>sending</c>, <c>awaitingDelivery</c> (its delivery reports,
    /// until <see cref="CanaryDeliveryWaitUntil"/>), <c>held</c> (too many of its people blocked, failed or bounced: the
    /// rest waits for a person) or <c>released</c> (the rest follows, or the canary was the whole run).
    /// </summary>
    public string Canary { get; init; } = CanaryStates.Sending;

    /// <summary>Every batch reported complete: nobody is pending or sending.</summary>
    public bool IsComplete => BatchesComplete == Batches && Pending == 0;
}

/// <summary>The values of <see cref="FanOutSnapshot.Canary"/>.</summary>
public static class CanaryStates
{
    public const string Sending = "sending";
    public const string AwaitingDelivery = "awaitingDelivery";
    public const string Held = "held";
    public const string Released = "released";
}

public sealed class FanOutProgress
{
    private readonly FanOutTable _table;
    private readonly FanOutOptions _options;
    private readonly TimeProvider _time;

    public FanOutProgress(StorageClients storage, IOptions<FanOutOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _table = new FanOutTable(storage);
        _time = time;
    }

    /// <summary>The run's counts by status, throughput (sent per second since the run started) and an ETA; null without a run.</summary>
    public async Task<FanOutSnapshot?> GetAsync(string incidentId, CancellationToken ct = default)
    {
        var run = await _table.GetRunAsync(incidentId, ct);
        if (run is null)
        {
            return null;
        }

        var results = (await _table.GetResultsAsync(incidentId, ct)).Values.Where(r => r.RunId == run.RunId).ToList();
        long sent = 0, blocked = 0, failed = 0, skipped = 0, bounced = 0, delivered = 0, counted = 0, twice = 0;
        DateTimeOffset? last = null;
        foreach (var r in results)
        {
            sent += r.Sent;
            blocked += r.Blocked;
            failed += r.FailedPermanent;
            skipped += r.Skipped;
            bounced += r.Bounced;
            delivered += r.Delivered;
            twice += r.PossiblyTwice;
            counted += r.Total;
            last = last is null || r.CompletedAt > last ? r.CompletedAt : last;
        }

        var pending = Math.Max(0, run.People - (counted - results.Sum(r => (long)r.Pending)) );
        var end = pending == 0 && last is not null ? last.Value : _time.GetUtcNow();
        var seconds = Math.Max((end - run.StartedAt).TotalSeconds, 0.001);
        var rate = sent / seconds;
        TimeSpan? eta = pending == 0 ? TimeSpan.Zero : rate > 0 ? TimeSpan.FromSeconds(pending / rate) : null;
        return new FanOutSnapshot(incidentId, run.RunId, run.People, run.Batches, run.ReleasedBatches, results.Count,
            results.Count(r => r.IsComplete), sent, blocked, failed, skipped, pending, run.Halted, run.StartedAt, last, rate, eta)
        {
            Bounced = bounced,
            Delivered = delivered,
            PossiblySentTwice = twice,
            CanaryDeliveryWaitUntil = run is { RestEnqueued: false, CanaryCompletedAt: { } canaryDone } ? canaryDone + _options.CanaryDeliveryWait : null,
            Canary = CanaryState(run, results),
        };
    }

    /// <summary>The canary's state as the planner would judge it now (<see cref="FanOutPlanner.CheckCanaryAsync"/>), without changing anything.</summary>
    private string CanaryState(FanOutRun run, List<BatchResult> results)
    {
        if (run.RestEnqueued || run.CanaryBatches >= run.Batches)
        {
            return CanaryStates.Released;
        }

        var canary = results.Where(r => r.Canary).ToList();
        if (canary.Count < run.CanaryBatches || canary.Any(r => !r.IsComplete))
        {
            return CanaryStates.Sending;
        }

        var people = canary.Sum(r => r.Total);
        if (canary.Sum(r => r.Blocked + r.FailedPermanent + r.Bounced) > _options.CanaryMaxProblemRate * people)
        {
            return CanaryStates.Held;
        }

        return run.CanaryCompletedAt is not null ? CanaryStates.AwaitingDelivery : CanaryStates.Sending;
    }

    /// <summary>Every batch of the run has a result and nothing is pending or sending.</summary>
    public async Task<bool> IsCompleteAsync(string incidentId, CancellationToken ct = default) =>
        (await GetAsync(incidentId, ct))?.IsComplete ?? false;
}
