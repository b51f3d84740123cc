using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Domain.Incidents;
using Notifications.Functions.Access;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary><c>GET /api/incidents/{id}</c>: the incident's current state.</summary>
public sealed class GetIncident(IncidentStore store)
{
    [Function(nameof(GetIncident))]
    [Authorize(Policies.Read)]
    public Task<Results<Ok<IncidentView>, NotFound<ProblemDetailsBody>>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/incidents/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        Handle(id, store, ct);

    public static async Task<Results<Ok<IncidentView>, NotFound<ProblemDetailsBody>>> Handle(string id, IncidentStore store, CancellationToken ct)
    {
        var (state, _) = await store.LoadAsync(id, ct);
        return state.Status == IncidentStatus.None
            ? TypedResults.NotFound(ProblemDetailsBody.NotFound(id))
            : TypedResults.Ok(IncidentView.From(state));
    }
}

/// <summary>
/// An RFC 7807 body for typed results that need one (<c>NotFound&lt;ProblemDetailsBody&gt;</c>): a
/// <see cref="Microsoft.AspNetCore.Mvc.ProblemDetails"/>, so it is written as <c>application/problem+json</c> like every other error.
/// </summary>
public sealed class ProblemDetailsBody : Microsoft.AspNetCore.Mvc.ProblemDetails
{
    public ProblemDetailsBody(string type, string title, int status, string? detail)
    {
        Type = type;
        Title = title;
        Status = status;
        Detail = detail;
    }

    public static ProblemDetailsBody NotFound(string id) =>
        new("https://tools.ietf.org/html/rfc9110#section-15.5.5", "Incident not found", 404, $"No incident has the id '{id}'.");
}
