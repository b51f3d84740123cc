using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Domain.Incidents;
using Notifications.Functions.Access;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary>
/// <c>POST /api/incidents/{id}/close</c>: a privacy officer closes the incident with a reason. A human decision is an
/// external event on the same path as every other: dedupe, decide, one transaction. Reminders stop.
/// </summary>
public sealed class CloseIncident(WorkflowEngine engine)
{
    [Function(nameof(CloseIncident))]
    [Authorize(Policies.Officer)]
    public Task<Results<Ok<IncidentView>, ValidationProblem, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/close")] HttpRequest request, string id, CancellationToken ct) =>
        Handle(id, request.HttpContext, engine, ct);

    public sealed record Request(string? Reason);

    public static async Task<Results<Ok<IncidentView>, ValidationProblem, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Handle(
        string id, HttpContext http, WorkflowEngine engine, CancellationToken ct)
    {
        var (request, errors) = await JsonBody.ReadAsync<Request>(http.Request, ct);
        if (request is not null && (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 2000))
        {
            errors["reason"] = ["A written reason is required (at most 2000 characters)."];
        }

        if (errors.Count > 0 || request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The decision is not valid.");
        }

        var closed = new IncidentClosed(request.Reason!.Trim(), BelowThreshold: false) { EventId = WorkflowCalls.EventId(http.Request, "close") };
        return await WorkflowCalls.RunAsync(engine, id, closed, http.User.ToActor(Roles.PrivacyOfficer), ct);
    }
}
