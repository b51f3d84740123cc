using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Workflow;

/// <summary>
/// Every 10 minutes: for each open or notifying incident past its deadline and not yet notified, fire the reminder
/// that should have fired most recently. It has the same id as the timer's, so a timer that did arrive makes this a
/// no-op; a lost one is replaced, and the repeating chain continues from it.
/// </summary>
public sealed partial class SweepDeadlines(IncidentStore store, WorkflowEngine engine, TimeProvider clock, ILogger<SweepDeadlines> logger)
{
    [Function(nameof(SweepDeadlines))]
    public async Task Run([TimerTrigger("0 */10 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var status in new[] { IncidentStatus.Open, IncidentStatus.Notifying })
        {
            foreach (var state in await store.ListAsync(new RegisterFilter(status, null, null, null, int.MaxValue), cancellationToken))
            {
                if (state.NoticesCompletedAt is not null
                    || ReminderSlots.Overdue(state, IncidentDecider.PackOf(state).Reminders, now) is not { } due
                    || state.RemindersDue.Contains(due.ReminderId))
                {
                    continue;
                }

                LogCaught(state.IncidentId, due.ReminderId);
                var fired = new TimerFired(due.ReminderId, TimerKind.Reminder, due.DueAt) { EventId = $"timer-fired:{due.ReminderId}" };
                await engine.HandleAsync(state.IncidentId, fired, Actor.Timer, cancellationToken);
            }
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Incident {IncidentId}: overdue reminder {ReminderId} had not fired; firing it now")]
    private partial void LogCaught(string incidentId, string reminderId);
}
