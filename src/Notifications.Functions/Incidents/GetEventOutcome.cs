using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Functions.Access;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary>
/// <c>GET /api/incidents/{id}/events/{eventId}</c>: what became of a command that answered 202: still pending, or
/// applied, ignored, refused (with the reason). The <c>Location</c> of every 202.
/// </summary>
public sealed class GetEventOutcome(IncidentStore store)
{
    public static string Location(string id, string eventId) => $"/api/incidents/{id}/events/{Uri.EscapeDataString(eventId)}";

    [Function(nameof(GetEventOutcome))]
    [Authorize(Policies.Read)]
    public async Task<Results<Ok<EventStatus>, NotFound<ProblemDetailsBody>>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/incidents/{id}/events/{eventId}")] HttpRequest request,
        string id, string eventId, CancellationToken ct) =>
        await store.InboxAsync(id, eventId, ct) is { } entry
            ? TypedResults.Ok(EventStatus.From(entry))
            : TypedResults.NotFound(new ProblemDetailsBody("https://tools.ietf.org/html/rfc9110#section-15.5.5", "No such event",
                404, $"Incident {id} has no event '{eventId}'."));
}
