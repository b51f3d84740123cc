using Notifications.Infrastructure.FanOut;

namespace Notifications.Functions.Notices;

/// <summary>
/// Activity of the run orchestration: sends one batch of people (never one person), each marked <c>sending</c> before
/// the SMTP call and <c>sent</c> right after the relay's 250, within the provider's quota. Durable runs it at least once:
/// a re-run never re-sends anyone marked sent (<see cref="NotificationBatchSender"/>).
/// </summary>
public sealed class SendNotificationBatch(NotificationBatchSender sender)
{
    public const string Name = "SendNotificationBatch";

    [Function(Name)]
    public async Task<BatchResult> Run([ActivityTrigger] BatchMessage message, CancellationToken cancellationToken)
    {
        using var span = Infrastructure.Telemetry.StartConsumer(Name, message.TraceParent, message.IncidentId);
        span?.SetTag(Infrastructure.Telemetry.RunId, message.RunId);
        return await sender.SendBatchAsync(message, cancellationToken);
    }
}
