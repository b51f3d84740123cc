using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Notifications.Domain.Incidents;

namespace Notifications.Infrastructure.Workflow;

public enum HandleOutcome
{
    /// <summary>The event was committed with its consequences.</summary>
    Applied,

    /// <summary>The event id was seen before; nothing changed.</summary>
    Duplicate,

    /// <summary>The state made the event moot (for example, a timer after closing); nothing changed.</summary>
    Ignored,
}

public sealed record HandleResult(HandleOutcome Outcome, IncidentState State);

/// <summary>
/// Handles one inbound event of one incident: load, check the dedupe marker, <c>Decide</c>, commit in one
/// transaction, then dispatch the outbox. A lost race reloads and decides again.
/// </summary>
public sealed partial class WorkflowEngine(
    IncidentStore store, IOutboxDispatcher dispatcher, IncidentDecider decider, TimeProvider clock, ILogger<WorkflowEngine> logger)
{
    private const int MaxAttempts = 20;

    public async Task<HandleResult> HandleAsync(string incidentId, IncidentEvent inbound, Actor actor, CancellationToken ct)
    {
        using var span = Telemetry.Source.StartActivity("HandleEvent " + inbound.TypeName);
        span?.SetTag("incident.id", incidentId);
        for (var attempt = 1; ; attempt++)
        {
            var (state, etag) = await store.LoadAsync(incidentId, ct);
            if (await store.HasSeenAsync(incidentId, inbound.EventId, ct))
            {
                LogDuplicate(incidentId, inbound.TypeName, inbound.EventId);
                return new(HandleOutcome.Duplicate, state);
            }

            var now = clock.GetUtcNow();
            var decision = decider.Decide(state, inbound, now);
            if (decision.IsEmpty)
            {
                LogIgnored(incidentId, inbound.TypeName, state.Status);
                return new(HandleOutcome.Ignored, state);
            }

            var history = new List<HistoryEntry>();
            var next = state;
            foreach (var e in decision.Events)
            {
                next = IncidentEvolution.Evolve(next, e, now) with { Version = next.Version + 1 };
                history.Add(new HistoryEntry(next.Version, now, e.TypeName, actor, e));
            }

            var traceParent = Activity.Current?.Id;
            var outbox = decision.Commands.Select(c => CommandRouter.ToOutbox(incidentId, c, traceParent, now)).ToList();
            try
            {
                await store.CommitAsync(next, etag, history, outbox, inbound.EventId, now, ct);
            }
            catch (ConcurrencyException) when (attempt < MaxAttempts)
            {
                LogRace(incidentId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), ct);
                continue;
            }

            LogApplied(incidentId, inbound.TypeName, history.Count, outbox.Count, next.Version);
            await dispatcher.DispatchAsync(outbox, ct);
            return new(HandleOutcome.Applied, next);
        }
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Incident {IncidentId}: {EventType} applied, {Events} event(s), {Commands} command(s), version {Version}")]
    private partial void LogApplied(string incidentId, string eventType, int events, int commands, long version);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Incident {IncidentId}: duplicate {EventType} {EventId} ignored")]
    private partial void LogDuplicate(string incidentId, string eventType, string eventId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Incident {IncidentId}: {EventType} has no effect in status {Status}")]
    private partial void LogIgnored(string incidentId, string eventType, IncidentStatus status);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Debug, Message = "Incident {IncidentId}: lost a concurrent write, attempt {Attempt}; reloading")]
    private partial void LogRace(string incidentId, int attempt);
}
