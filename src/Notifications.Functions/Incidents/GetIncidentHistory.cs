using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Functions.Access;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary><c>GET /api/incidents/{id}/history</c>: every recorded event in order: who did what, when, and why.</summary>
public sealed class GetIncidentHistory(IncidentStore store)
{
    [Function(nameof(GetIncidentHistory))]
    [Authorize(Policies.Read)]
    public Task<Results<Ok<List<HistoryView>>, NotFound<ProblemDetailsBody>>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/incidents/{id}/history")] HttpRequest request, string id, CancellationToken ct) =>
        Handle(id, store, ct);

    public static async Task<Results<Ok<List<HistoryView>>, NotFound<ProblemDetailsBody>>> Handle(string id, IncidentStore store, CancellationToken ct)
    {
        var history = await store.HistoryAsync(id, ct);
        return history.Count == 0
            ? TypedResults.NotFound(ProblemDetailsBody.NotFound(id))
            : TypedResults.Ok(history.Select(HistoryView.From).ToList());
    }
}
