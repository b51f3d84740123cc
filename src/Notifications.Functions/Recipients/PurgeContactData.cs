using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Notifications.Domain.Incidents;
using Notifications.Functions.Access;
using Notifications.Functions.Incidents;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Recipients;

/// <summary>
/// Purges the affected people's contact data once the pack's retention period has run from the time it stopped being
/// needed (<see cref="IncidentDecider.ContactDataDueAt"/>): every day at 03:00 UTC for each incident due, or earlier for one
/// incident on a privacy officer's request (<c>POST /api/incidents/{id}/contact-data/purge</c>).
/// The rows are stripped first and <see cref="ContactDataPurged"/> is recorded last, so a crash in between leaves the
/// incident due and the next run finishes the idempotent strip; once recorded, the incident drops out of the daily query.
/// </summary>
public sealed partial class PurgeContactData(IncidentStore store, ContactDataPurger purger, IncidentCommands commands, TimeProvider clock,
    ILogger<PurgeContactData> logger)
{

    /// <summary>The timer's event id: one purge per incident, so a repeated run is a duplicate.</summary>
    public const string TimerEventId = "contact-data-purged";

    [Function(nameof(PurgeContactData))]
    public async Task Run([TimerTrigger("0 0 3 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var failed = 0;
        foreach (var state in await store.ContactDataDueAsync(clock.GetUtcNow(), cancellationToken))
        {
            try
            {
                var purged = await purger.PurgeAsync(state.IncidentId, cancellationToken);
                await commands.DecideAsync(durable, state.IncidentId, Recorded(state, purged, TimerEventId), Actor.Timer, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One incident's failure does not hold up the others; it stays due for the next run.
                LogFailed(state.IncidentId, ex.GetType().Name);
                failed++;
            }
        }

        if (failed > 0)
        {
            throw new InvalidOperationException($"The contact data of {failed} incident(s) could not be purged; they stay due for the next run.");
        }
    }

    /// <summary>A privacy officer purges one incident's contact data before the period ends: 409 while it is still needed.</summary>
    [Function("PurgeContactDataEarly")]
    [Authorize(Policies.Officer)]
    public Task<IncidentAnswer> RunEarly(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/contact-data/purge")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Early(id, request.HttpContext, store, purger, commands, durable, ct);

    public static async Task<IncidentAnswer> Early(
        string id, HttpContext http, IncidentStore store, ContactDataPurger purger, IncidentCommands commands, DurableTaskClient durable, CancellationToken ct)
    {
        var (state, _) = await store.LoadAsync(id, ct);
        if (state.Status == IncidentStatus.None)
        {
            return TypedResults.NotFound(ProblemDetailsBody.NotFound(id));
        }

        if (state.ContactDataPurgedAt is not null)
        {
            return TypedResults.Ok(IncidentView.From(state));
        }

        if (IncidentDecider.ContactDataDueAt(state) is null)
        {
            return WorkflowCalls.Conflict(IncidentDecider.ContactDataStillNeeded);
        }

        var purged = await purger.PurgeAsync(id, ct);
        var recorded = Recorded(state, purged, WorkflowCalls.EventId(http.Request, TimerEventId));
        return await commands.RunAsync(durable, id, recorded, http.User.ToActor(Roles.PrivacyOfficer), ct);
    }

    /// <summary>The event recorded after the strip; the decider keeps the retention clock's due time.</summary>
    private static ContactDataPurged Recorded(IncidentState state, ContactDataPurgeResult purged, string eventId) =>
        new(purged.Rows, IncidentDecider.ContactDataDueAt(state)!.Value) { EventId = eventId };

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Incident {IncidentId}: contact data purge failed ({Error}); it stays due")]
    private partial void LogFailed(string incidentId, string error);
}
