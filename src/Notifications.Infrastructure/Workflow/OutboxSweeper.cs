using Microsoft.Extensions.Logging;

namespace Notifications.Infrastructure.Workflow;

/// <summary>
/// Re-drives outbox rows that a crash left behind between commit and dispatch. Runs on a timer; rows younger
/// than <see cref="Grace"/> are left to the dispatch that is normally still under way.
/// </summary>
public sealed partial class OutboxSweeper(IncidentStore store, IOutboxDispatcher dispatcher, TimeProvider clock, ILogger<OutboxSweeper> logger)
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public async Task<int> RedriveAsync(TimeSpan grace, CancellationToken ct)
    {
        var pending = await store.PendingOutboxAsync(null, clock.GetUtcNow() - grace, ct);
        if (pending.Count > 0)
        {
            LogRedrive(pending.Count, pending.Select(p => p.IncidentId).Distinct().Count());
            await dispatcher.DispatchAsync(pending, ct);
        }

        return pending.Count;
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Re-driving {Rows} outbox row(s) of {Incidents} incident(s) left behind after commit")]
    private partial void LogRedrive(int rows, int incidents);
}
