using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Domain.Incidents;
using Notifications.Functions.Access;
using Notifications.Functions.Hosting;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary>
/// <c>POST /api/incidents/{id}/close</c>: a privacy officer closes the incident with a reason. A human decision is an
/// external event on the same path as every other: dedupe, decide, one transaction. Reminders stop.
/// </summary>
public static class CloseIncident
{
    public static readonly HttpFunction Function = new("CloseIncident", "incidents/{id}/close", ["POST"], AuthLevel.Function);

    public sealed record Request(string? Reason);

    public static async Task<Results<Ok<IncidentView>, ValidationProblem, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Handle(
        string id, HttpContext http, WorkflowEngine engine, CancellationToken ct)
    {
        var (request, errors) = await JsonBody.ReadAsync<Request>(http.Request, ct);
        if (request is not null && string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["A written reason is required."];
        }
        else if (request?.Reason is { Length: > 2000 })
        {
            errors["reason"] = ["Use at most 2000 characters."];
        }

        if (errors.Count > 0 || request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The decision is not valid.");
        }

        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var eventId = "close:" + (key.Length > 0 ? key : Guid.NewGuid().ToString("N"));
        try
        {
            var result = await engine.HandleAsync(id, new IncidentClosed(request.Reason!.Trim()) { EventId = eventId },
                http.User.ToActor(Roles.PrivacyOfficer), ct);
            return TypedResults.Ok(IncidentView.From(result.State));
        }
        catch (InvalidTransitionException ex) when (ex.From == IncidentStatus.None)
        {
            return TypedResults.NotFound(ProblemDetailsBody.NotFound(id));
        }
        catch (InvalidTransitionException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed now", detail: ex.Message);
        }
    }
}
