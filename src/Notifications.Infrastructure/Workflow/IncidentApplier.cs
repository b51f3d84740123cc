using Microsoft.Extensions.Logging;
using Notifications.Domain.Incidents;

namespace Notifications.Infrastructure.Workflow;

/// <summary>
/// Applies one inbound event to one incident: load, <c>Decide</c> at the orchestration's time, commit state, history
/// and an applied marker with the resulting commands in one transaction. The incident's orchestration is its only caller,
/// one event at a time, so it is the incident's single writer. Idempotent: an event applied before (an activity run
/// twice, a redelivered event) changes nothing and returns the commands it gave the first time.
/// </summary>
public sealed partial class IncidentApplier(IncidentStore store, IncidentDecider decider, ILogger<IncidentApplier> logger)
{
    private const int MaxAttempts = 20;

    /// <param name="fromInbox">The event came through the incident's inbox; its outcome is recorded there.</param>
    public async Task<ApplyResult> ApplyAsync(
        string incidentId, IncidentEvent inbound, Actor actor, DateTimeOffset now, bool fromInbox, CancellationToken ct)
    {
        using var span = Telemetry.Source.StartActivity("ApplyEvent " + inbound.TypeName);
        span?.SetTag("incident.id", incidentId);
        for (var attempt = 1; ; attempt++)
        {
            var (state, etag) = await store.LoadAsync(incidentId, ct);
            if (await store.AppliedCommandsAsync(incidentId, inbound.EventId, ct) is { } applied)
            {
                LogDuplicate(incidentId, inbound.TypeName, inbound.EventId);
                return new(EventOutcome.Applied, applied, null, IsTerminal(state));
            }

            Decision decision;
            try
            {
                decision = decider.Decide(state, inbound, now);
            }
            catch (InvalidTransitionException ex) when (ex.From == IncidentStatus.None)
            {
                return await RefusedAsync(incidentId, inbound, fromInbox, EventOutcome.NotFound, ex.Message, now, state, ct);
            }
            catch (Exception ex) when (ex is InvalidTransitionException or DecisionRejectedException)
            {
                return await RefusedAsync(incidentId, inbound, fromInbox, EventOutcome.Rejected, ex.Message, now, state, ct);
            }

            if (decision.IsEmpty)
            {
                LogIgnored(incidentId, inbound.TypeName, state.Status);
                return await RefusedAsync(incidentId, inbound, fromInbox, EventOutcome.Ignored, null, now, state, ct);
            }

            var history = new List<HistoryEntry>();
            var next = state;
            foreach (var e in decision.Events)
            {
                next = IncidentEvolution.Evolve(next, e, now) with { Version = next.Version + 1 };
                history.Add(new HistoryEntry(next.Version, now, e.TypeName, actor, e));
            }

            try
            {
                await store.CommitAppliedAsync(next, etag, history, decision.Commands, inbound.EventId, fromInbox, now, ct);
            }
            catch (ConcurrencyException) when (attempt < MaxAttempts)
            {
                // Only a second run of the same activity writes beside the orchestration: reload, and find the marker.
                // A random pause that grows with each loss keeps two runs in step from losing to each other every time.
                LogRace(incidentId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), ct);
                continue;
            }

            LogApplied(incidentId, inbound.TypeName, history.Count, decision.Commands.Count, next.Version);
            return new(EventOutcome.Applied, decision.Commands, null, IsTerminal(next));
        }
    }

    /// <summary>Nothing more can happen to an incident that is closed and whose contact data is purged.</summary>
    public static bool IsTerminal(IncidentState state) => state is { Status: IncidentStatus.Closed, ContactDataPurgedAt: not null };

    private async Task<ApplyResult> RefusedAsync(
        string incidentId, IncidentEvent inbound, bool fromInbox, EventOutcome outcome, string? detail, DateTimeOffset now,
        IncidentState state, CancellationToken ct)
    {
        if (outcome != EventOutcome.Ignored)
        {
            LogRefused(incidentId, inbound.TypeName, outcome);
        }

        if (fromInbox)
        {
            await store.DecideInboxAsync(incidentId, inbound.EventId, outcome, detail, now, ct);
        }

        return ApplyResult.Nothing(outcome, detail, IsTerminal(state));
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Incident {IncidentId}: {EventType} applied, {Events} event(s), {Commands} command(s), version {Version}")]
    private partial void LogApplied(string incidentId, string eventType, int events, int commands, long version);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Incident {IncidentId}: {EventType} {EventId} was applied before; its commands again")]
    private partial void LogDuplicate(string incidentId, string eventType, string eventId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Incident {IncidentId}: {EventType} has no effect in status {Status}")]
    private partial void LogIgnored(string incidentId, string eventType, IncidentStatus status);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Debug, Message = "Incident {IncidentId}: lost a concurrent write, attempt {Attempt}; reloading")]
    private partial void LogRace(string incidentId, int attempt);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Incident {IncidentId}: {EventType} refused ({Outcome})")]
    private partial void LogRefused(string incidentId, string eventType, EventOutcome outcome);
}
