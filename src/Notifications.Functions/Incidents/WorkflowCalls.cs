using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary>Runs a human decision through the engine and answers with the incident, 404, or 409 with the reason.</summary>
public static class WorkflowCalls
{
    public static async Task<Results<Ok<IncidentView>, ValidationProblem, NotFound<ProblemDetailsBody>, ProblemHttpResult>> RunAsync(
        WorkflowEngine engine, string id, IncidentEvent inbound, Actor actor, CancellationToken ct)
    {
        try
        {
            var result = await engine.HandleAsync(id, inbound, actor, ct);
            return TypedResults.Ok(IncidentView.From(result.State));
        }
        catch (InvalidTransitionException ex) when (ex.From == IncidentStatus.None)
        {
            return TypedResults.NotFound(ProblemDetailsBody.NotFound(id));
        }
        catch (Exception ex) when (ex is InvalidTransitionException or DecisionRejectedException)
        {
            return Conflict(ex.Message);
        }
    }

    /// <summary>The event id of a human decision: from the caller's <c>Idempotency-Key</c>, so a retried request counts once.</summary>
    public static string EventId(HttpRequest request, string prefix)
    {
        var key = request.Headers["Idempotency-Key"].ToString();
        return $"{prefix}:{(key.Length is > 0 and <= 128 ? key : Guid.NewGuid().ToString("N"))}";
    }

    /// <summary>The 409 every endpoint answers when the incident's state does not allow the request now, with the reason.</summary>
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed now", detail: detail);
}
