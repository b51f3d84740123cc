using Notifications.Infrastructure.Storage;

namespace Notifications.Infrastructure.Workflow;

/// <summary>Sends committed outbox rows to their queues, then deletes them.</summary>
public interface IOutboxDispatcher
{
    Task DispatchAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken ct);
}

/// <summary>
/// Sends each row, then deletes it. A crash between the two re-sends the row on the next sweep; receivers are
/// idempotent (dedupe markers, activity markers), so the effect happens once. Queue messages never expire, and a
/// timer due beyond the 7-day visibility limit is sent with the longest delay allowed and re-armed on arrival.
/// </summary>
public sealed class OutboxDispatcher(StorageClients storage, IncidentStore store, TimeProvider clock) : IOutboxDispatcher
{
    /// <summary>Queue Storage's maximum initial visibility delay is 7 days; stay under it.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    public async Task DispatchAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken ct)
    {
        foreach (var entry in entries)
        {
            var queue = await storage.QueueAsync(entry.Queue);
            await queue.SendMessageAsync(entry.Message, DelayUntil(entry.VisibleAt, clock.GetUtcNow()), TimeSpan.FromSeconds(-1), ct);
            await store.DeleteOutboxAsync(entry, ct);
        }
    }

    public static TimeSpan DelayUntil(DateTimeOffset? visibleAt, DateTimeOffset now)
    {
        if (visibleAt is not { } at || at <= now)
        {
            return TimeSpan.Zero;
        }

        var delay = at - now;
        return delay > MaxDelay ? MaxDelay : delay;
    }
}
