using Microsoft.DurableTask.Client;
using Notifications.Domain.Incidents;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Notices;

/// <summary>
/// Queue-triggered activity on <c>notification-batches</c>: sends one batch of notices. A complete canary batch asks the
/// planner to release the rest; the batch that finds the whole run complete records <see cref="NoticesCompleted"/> once
/// (event id <c>notices-completed:{runId}</c>, so batches finishing together record it once).
/// </summary>
public sealed partial class SendNotificationBatch(
    NotificationBatchSender sender, FanOutPlanner planner, FanOutProgress progress, NoticeCompletion completion,
    ILogger<SendNotificationBatch> logger)
{
    public const string Name = "SendNotificationBatch";

    /// <summary>A canary waiting for delivery reports asks again at least this often (well under the queue's 7-day limit).</summary>
    private static readonly TimeSpan MaxRecheckDelay = TimeSpan.FromHours(1);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [Function(Name)]
    public async Task Run([QueueTrigger(FanOutKeys.Queue)] string text, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var message = BatchMessage.Parse(text);
        using var span = Infrastructure.Telemetry.StartConsumer(Name, message.TraceParent, message.IncidentId);
        var result = await sender.SendBatchAsync(message, cancellationToken);
        if (!result.IsComplete)
        {
            return;
        }

        if (result.Canary)
        {
            var (verdict, askAgainIn) = await planner.CheckCanaryAsync(message.IncidentId, cancellationToken);
            LogCanary(message.IncidentId, message.RunId, verdict);
            if (verdict == CanaryVerdict.AwaitingDelivery)
            {
                // A delivery report releases the rest as soon as the last canary email is reported; this is the timeout.
                await planner.AskAgainAsync(message, Min(askAgainIn + TimeSpan.FromSeconds(1), MaxRecheckDelay), cancellationToken);
            }
        }

        if (await progress.IsCompleteAsync(message.IncidentId, cancellationToken))
        {
            await completion.RecordAsync(durable, message.IncidentId, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Incident {IncidentId}: canary of run {RunId}: {Verdict}")]
    private partial void LogCanary(string incidentId, string runId, CanaryVerdict verdict);
}
