using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Storage;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Workflow;

/// <summary>
/// Queue-triggered: one workflow event (a fired timer, an activity's result) for one incident. A timer that arrives
/// before it is due (it was longer than the 7-day queue delay) is re-armed for the rest of its wait.
/// </summary>
public sealed partial class HandleIncidentEvent(
    WorkflowEngine engine, StorageClients storage, TimeProvider clock, ILogger<HandleIncidentEvent> logger)
{
    public const string Name = "HandleIncidentEvent";

    [Function(Name)]
    public async Task Run([QueueTrigger(StorageNames.IncidentEventsQueue)] string text, CancellationToken cancellationToken)
    {
        var message = EventMessage.Parse(text);
        using var span = Infrastructure.Telemetry.StartConsumer(Name, message.TraceParent, message.IncidentId);
        if (message.Event is TimerFired timer && timer.DueAt > clock.GetUtcNow())
        {
            var delay = OutboxDispatcher.DelayUntil(timer.DueAt, clock.GetUtcNow());
            var queue = await storage.QueueAsync(StorageNames.IncidentEventsQueue);
            await queue.SendMessageAsync(text, delay, TimeSpan.FromSeconds(-1), cancellationToken);
            LogRearmed(message.IncidentId, timer.TimerId, timer.DueAt);
            return;
        }

        var actor = message.Event is TimerFired ? Actor.Timer : Actor.Activity(message.Event.TypeName);
        await engine.HandleAsync(message.IncidentId, message.Event, actor, cancellationToken);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Incident {IncidentId}: timer {TimerId} due {DueAt:o} re-armed")]
    private partial void LogRearmed(string incidentId, string timerId, DateTimeOffset dueAt);
}
