using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Notifications.Domain.Incidents;
using Notifications.Functions.Access;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary>
/// <c>POST /api/incidents/{id}/close</c>: a privacy officer closes the incident with a reason. A human decision is an
/// external event on the same path as every other: applied-marker check, decide, one transaction. Reminders stop.
/// </summary>
public sealed class CloseIncident(IncidentCommands commands)
{
    [Function(nameof(CloseIncident))]
    [Authorize(Policies.Officer)]
    public Task<IncidentAnswer> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/close")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Handle(id, request.HttpContext, commands, durable, ct);

    public sealed record Request(string? Reason);

    public static async Task<IncidentAnswer> Handle(
        string id, HttpContext http, IncidentCommands commands, DurableTaskClient durable, CancellationToken ct)
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
        return await commands.RunAsync(durable, id, closed, http.User.ToActor(Roles.PrivacyOfficer), ct);
    }
}
