using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Functions.Hosting;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary><c>GET /api/incidents/{id}/history</c>: every recorded event in order: who did what, when, and why.</summary>
public static class GetIncidentHistory
{
    public static readonly HttpFunction Function = new("GetIncidentHistory", "incidents/{id}/history", ["GET"], AuthLevel.Function);

    public static async Task<Results<Ok<List<HistoryView>>, NotFound<ProblemDetailsBody>>> Handle(string id, IncidentStore store, CancellationToken ct)
    {
        var history = await store.HistoryAsync(id, ct);
        return history.Count == 0
            ? TypedResults.NotFound(ProblemDetailsBody.NotFound(id))
            : TypedResults.Ok(history.Select(HistoryView.From).ToList());
    }
}
