using Azure;
using Azure.Data.Tables;

namespace Notifications.Infrastructure.FanOut;

/// <summary>
/// The control row of an incident's fan-out (<c>fanout</c> table, partition <c>{incident}</c>, row <c>control</c>): which
/// run, which import, how many batches, whether the canary and the rest were enqueued, and the halt flag.
/// </summary>
public sealed record FanOutRun(
    string IncidentId,
    string RunId,
    string ImportId,
    int Batches,
    int CanaryBatches,
    long People,
    DateTimeOffset StartedAt,
    bool CanaryEnqueued,
    bool RestEnqueued,
    bool Halted)
{
    internal ETag ETag { get; init; }

    /// <summary>When the planner first found every canary batch complete: the start of <see cref="FanOutOptions.CanaryDeliveryWait"/>.</summary>
    public DateTimeOffset? CanaryCompletedAt { get; init; }

    internal TableEntity ToEntity() => new(FanOutKeys.Partition(IncidentId), FanOutKeys.ControlRow)
    {
        ["IncidentId"] = IncidentId,
        ["RunId"] = RunId,
        ["ImportId"] = ImportId,
        ["Batches"] = Batches,
        ["CanaryBatches"] = CanaryBatches,
        ["People"] = People,
        ["StartedAt"] = StartedAt,
        ["CanaryEnqueued"] = CanaryEnqueued,
        ["RestEnqueued"] = RestEnqueued,
        ["Halted"] = Halted,
        ["CanaryCompletedAt"] = CanaryCompletedAt,
    };

    internal static FanOutRun FromEntity(TableEntity e) => new(
        e.GetString("IncidentId"), e.GetString("RunId"), e.GetString("ImportId"), e.GetInt32("Batches") ?? 0,
        e.GetInt32("CanaryBatches") ?? 0, e.GetInt64("People") ?? 0, e.GetDateTimeOffset("StartedAt") ?? default,
        e.GetBoolean("CanaryEnqueued") ?? false, e.GetBoolean("RestEnqueued") ?? false, e.GetBoolean("Halted") ?? false)
    { ETag = e.ETag, CanaryCompletedAt = e.GetDateTimeOffset("CanaryCompletedAt") };

    /// <summary>The batches released so far: the canary, or all of them once the rest was enqueued.</summary>
    public int ReleasedBatches => RestEnqueued ? Batches : CanaryBatches;
}

/// <summary>
/// What one batch reported (<c>fanout</c> table, row <c>batch|{batchId}</c>): the status of every row of the batch at
/// the end of the attempt, re-counted when a delivery report changes a row. <see cref="Pending"/> counts people not yet
/// sent (a halt, or rows in flight elsewhere). <see cref="Bounced"/> people were sent, then reported undelivered (now
/// indirect notice, not in <see cref="Sent"/>); <see cref="Delivered"/> of the <see cref="Sent"/> have delivery evidence.
/// </summary>
public sealed record BatchResult(
    string IncidentId,
    string RunId,
    string BatchId,
    bool Canary,
    int Sent,
    int Blocked,
    int FailedPermanent,
    int Skipped,
    int Pending,
    bool Halted,
    DateTimeOffset CompletedAt)
{
    public int Bounced { get; init; }

    /// <summary>Of <see cref="Sent"/>, the people whose relay reported delivery.</summary>
    public int Delivered { get; init; }

    /// <summary>People sent again after an attempt crashed with their send in flight: they may have the notice twice.</summary>
    public int PossiblyTwice { get; init; }

    /// <summary>When people were left because the provider's quota ran out: when to call the batch again. Not stored.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    public int Total => Sent + Blocked + FailedPermanent + Bounced + Skipped + Pending;

    /// <summary>Every person of the batch has a final status (or is not an email recipient).</summary>
    public bool IsComplete => Pending == 0 && !Halted;

    internal TableEntity ToEntity() => new(FanOutKeys.Partition(IncidentId), FanOutKeys.BatchRow(BatchId))
    {
        ["IncidentId"] = IncidentId,
        ["RunId"] = RunId,
        ["BatchId"] = BatchId,
        ["Canary"] = Canary,
        ["Sent"] = Sent,
        ["Blocked"] = Blocked,
        ["FailedPermanent"] = FailedPermanent,
        ["Skipped"] = Skipped,
        ["Pending"] = Pending,
        ["Bounced"] = Bounced,
        ["Delivered"] = Delivered,
        ["PossiblyTwice"] = PossiblyTwice,
        ["Halted"] = Halted,
        ["CompletedAt"] = CompletedAt,
    };

    internal static BatchResult FromEntity(TableEntity e) => new(
        e.GetString("IncidentId"), e.GetString("RunId"), e.GetString("BatchId"), e.GetBoolean("Canary") ?? false,
        e.GetInt32("Sent") ?? 0, e.GetInt32("Blocked") ?? 0, e.GetInt32("FailedPermanent") ?? 0, e.GetInt32("Skipped") ?? 0,
        e.GetInt32("Pending") ?? 0, e.GetBoolean("Halted") ?? false, e.GetDateTimeOffset("CompletedAt") ?? default)
    {
        Bounced = e.GetInt32("Bounced") ?? 0,
        Delivered = e.GetInt32("Delivered") ?? 0,
        PossiblyTwice = e.GetInt32("PossiblyTwice") ?? 0,
    };
}
