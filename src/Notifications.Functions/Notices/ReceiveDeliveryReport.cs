using Microsoft.DurableTask.Client;
using Azure.Storage.Queues.Models;
using Notifications.Infrastructure.FanOut;

namespace Notifications.Functions.Notices;

/// <summary>
/// Queue-triggered on <c>delivery-reports</c>, where an Event Grid subscription on the Communication Services resource
/// writes <c>Microsoft.Communication.EmailDeliveryReportReceived</c> events (plain JSON, Event Grid or CloudEvents schema).
/// An SMTP 250 only means the relay accepted a notice; a later failure report moves that person to indirect notice, and the
/// incident's counts follow: completion if it was not recorded yet, else <c>NoticeCountsRevised</c>. Every report that
/// changed a row tells the incident's run (its canary may be waiting for it, <c>FanOut:CanaryDeliveryWait</c>). Other event types and
/// reports that are not for our notices are logged (ids only) and completed. A report for a notice still being sent throws,
/// so the queue retries it. The message carries the recipient's address: it is compared and never logged.
/// </summary>
public sealed partial class ReceiveDeliveryReport(
    DeliveryReportRecorder recorder, FanOutPlanner planner, NoticeCompletion completion, ILogger<ReceiveDeliveryReport> logger)
{
    public const string Queue = FanOutKeys.DeliveryReportsQueue;

    public const string Name = "ReceiveDeliveryReport";

    [Function(Name)]
    public async Task Run([QueueTrigger(Queue)] QueueMessage message, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        IReadOnlyList<DeliveryReport> reports;
        try
        {
            reports = DeliveryReport.Parse(message.MessageText);
        }
        catch (FormatException)
        {
            // Invalid data is never retried: it would only reach the poison queue five attempts later.
            LogUnreadable(message.MessageId);
            return;
        }

        foreach (var report in reports)
        {
            using var span = Infrastructure.Telemetry.Source.StartActivity(Name, System.Diagnostics.ActivityKind.Consumer);
            span?.SetTag("eventgrid.event.id", report.EventId);
            var result = await recorder.RecordAsync(report, cancellationToken);
            if (result is { Outcome: DeliveryReportOutcome.Delivered or DeliveryReportOutcome.Bounced, IncidentId: { } reported })
            {
                // The canary may be waiting for this report before the rest of the run goes out.
                if (await planner.GetRunAsync(reported, cancellationToken) is { RestEnqueued: false } run)
                {
                    await NotificationRunClient.SignalAsync(durable, run, RunSignal.DeliveryReport, cancellationToken);
                }
            }

            if (result is { CountsChanged: true, IncidentId: { } incidentId })
            {
                await completion.ReviseAsync(durable, incidentId, cancellationToken);
            }
        }
    }

    [LoggerMessage(EventId = 6107, Level = LogLevel.Warning, Message = "Delivery-report message {MessageId} is not an event or an array of events; completed without effect")]
    private partial void LogUnreadable(string? messageId);
}
