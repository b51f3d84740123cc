using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Notifications.Domain.Incidents;

namespace Notifications.Infrastructure.Workflow;

/// <summary>
/// How the world tells an incident something: the event (with its actor) goes into the incident's inbox, and its id
/// goes to the incident's orchestration as an external event, which applies it in order with everything else. A report
/// starts the orchestration. The caller can wait a few seconds for the outcome; otherwise it is there to poll.
/// </summary>
public sealed partial class IncidentWorkflow(IncidentStore store, IncidentApplier applier, TimeProvider clock, ILogger<IncidentWorkflow> logger)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Submits <paramref name="inbound"/>; a retried submission with the same event id changes nothing. True when this
    /// call put the event in the inbox, false when it was there already.
    /// </summary>
    public async Task<bool> SubmitAsync(DurableTaskClient durable, string incidentId, IncidentEvent inbound, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var added = await store.AddInboxAsync(incidentId, inbound, actor, now, ct);
        if (inbound is IncidentReported)
        {
            await StartAsync(durable, incidentId, inbound.EventId, ct);
            return added;
        }

        var instance = await durable.GetInstanceAsync(incidentId, ct);
        if (instance is null || instance.IsCompleted)
        {
            // No orchestration to serialize it (no such incident, or one where nothing can happen any more): the rules
            // answer at once, and nothing else writes to the incident.
            await applier.ApplyAsync(incidentId, inbound, actor, now, fromInbox: true, ct);
            return added;
        }

        // Raised again for a retried submission still pending: the first raise may have been lost with its caller.
        if (added || (await store.InboxAsync(incidentId, inbound.EventId, ct))?.Outcome == EventOutcome.Pending)
        {
            await durable.RaiseEventAsync(incidentId, IncidentOrchestrationNames.InboundEvent, new InboundSignal(inbound.EventId), ct);
        }

        return added;
    }

    /// <summary>The event's outcome once the incident decided it, waiting up to <paramref name="wait"/>; Pending after that.</summary>
    public async Task<InboxEntry?> WaitAsync(string incidentId, string eventId, TimeSpan wait, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + wait;
        while (true)
        {
            var entry = await store.InboxAsync(incidentId, eventId, ct);
            if (entry is null || entry.Outcome != EventOutcome.Pending || clock.GetUtcNow() >= until)
            {
                return entry;
            }

            await Task.Delay(PollEvery, ct);
        }
    }

    /// <summary>Submits, then waits for the outcome as <see cref="WaitAsync"/> does.</summary>
    public async Task<InboxEntry> SubmitAndWaitAsync(
        DurableTaskClient durable, string incidentId, IncidentEvent inbound, Actor actor, TimeSpan wait, CancellationToken ct)
    {
        await SubmitAsync(durable, incidentId, inbound, actor, ct);
        return await WaitAsync(incidentId, inbound.EventId, wait, ct)
            ?? throw new InvalidOperationException($"The inbox of incident {incidentId} lost event {inbound.EventId}.");
    }

    private async Task StartAsync(DurableTaskClient durable, string incidentId, string eventId, CancellationToken ct)
    {
        if (await durable.GetInstanceAsync(incidentId, ct) is not null)
        {
            return;
        }

        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                IncidentOrchestrationNames.Orchestration, new IncidentOrchestrationInput(incidentId, eventId, []),
                new StartOrchestrationOptions(incidentId), ct);
            LogStarted(incidentId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A concurrent submission of the same report may have started it first; anything else is a real failure.
            if (await durable.GetInstanceAsync(incidentId, ct) is null)
            {
                throw;
            }
        }
    }

    [LoggerMessage(EventId = 1210, Level = LogLevel.Information, Message = "Incident {IncidentId}: orchestration started")]
    private partial void LogStarted(string incidentId);
}
