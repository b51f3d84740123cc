using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Workflow;

/// <summary>
/// Activity: applies one inbound event (an inbox row, or a fired durable timer) to the incident with the pure decider,
/// and records it: state, history and outcome in one transaction. Idempotent: a second run finds the event applied (or
/// its outcome recorded) and returns what the first run returned.
/// </summary>
public sealed class ApplyIncidentEvent(IncidentStore store, IncidentApplier applier)
{
    [Function(nameof(ApplyIncidentEvent))]
    public async Task<ApplyResult> Run([ActivityTrigger] ApplyRequest request, CancellationToken ct)
    {
        var id = request.IncidentId;
        if (request.Timer is { } t)
        {
            var fired = new TimerFired(t.TimerId, t.Kind, t.DueAt) { EventId = $"timer-fired:{t.TimerId}" };
            return await applier.ApplyAsync(id, fired, Actor.Timer, request.Now, fromInbox: false, ct);
        }

        var entry = await store.InboxAsync(id, request.EventId!, ct);
        return entry switch
        {
            null => ApplyResult.Nothing(EventOutcome.Ignored, $"No inbound event {request.EventId}."),
            { Outcome: EventOutcome.Pending or EventOutcome.Applied } => await applier.ApplyAsync(id, entry.Event, entry.Actor, request.Now, fromInbox: true, ct),
            _ => ApplyResult.Nothing(entry.Outcome, entry.Detail),
        };
    }
}

/// <summary>
/// Activity (orchestration version 2): the reminders the incident's state has armed and not yet seen due, as timers.
/// One that no longer matters does nothing when it fires, as the decider has it.
/// </summary>
public sealed class PendingIncidentTimers(IncidentStore store)
{
    [Function(IncidentOrchestrationNames.PendingTimers)]
    public async Task<List<PendingTimer>> Run([ActivityTrigger] string incidentId, CancellationToken ct)
    {
        var (state, _) = await store.LoadAsync(incidentId, ct);
        return [.. state.Reminders.Where(r => !state.RemindersDue.Contains(r.ReminderId))
            .Select(r => new PendingTimer(r.ReminderId, TimerKind.Reminder, r.DueAt))];
    }
}
