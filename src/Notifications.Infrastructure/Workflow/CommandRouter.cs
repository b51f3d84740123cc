using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Storage;

namespace Notifications.Infrastructure.Workflow;

/// <summary>Turns a decided command into the queue message that carries it out.</summary>
public static class CommandRouter
{
    public static OutboxEntry ToOutbox(string incidentId, WorkflowCommand command, string? traceParent, DateTimeOffset now) => command switch
    {
        ScheduleTimer timer => new(
            incidentId,
            IncidentStore.OutboxPrefix + RowKeys.Safe(command.CommandId),
            StorageNames.IncidentEventsQueue,
            new EventMessage(EventMessage.CurrentSchema, incidentId,
                new TimerFired(timer.TimerId, timer.Kind, timer.DueAt) { EventId = $"timer-fired:{timer.TimerId}" }, traceParent).ToJson(),
            timer.DueAt,
            now),
        SendReminder => Activity(incidentId, command, StorageNames.RemindersQueue, traceParent, now),
        AssessHarm => Activity(incidentId, command, StorageNames.AssessmentsQueue, traceParent, now),
        SendDeletionRequests => Activity(incidentId, command, StorageNames.DeletionRequestsQueue, traceParent, now),
        SendCommissionerReport => Activity(incidentId, command, StorageNames.CommissionerReportsQueue, traceParent, now),
        _ => throw new NotSupportedException($"No route for command {command.GetType().Name}."),
    };

    /// <summary>Every activity has its own queue, so each scales on its own in Azure.</summary>
    private static OutboxEntry Activity(string incidentId, WorkflowCommand command, string queue, string? traceParent, DateTimeOffset now) => new(
        incidentId,
        IncidentStore.OutboxPrefix + RowKeys.Safe(command.CommandId),
        queue,
        new ActivityMessage(ActivityMessage.CurrentSchema, incidentId, command, traceParent).ToJson(),
        null,
        now);
}
