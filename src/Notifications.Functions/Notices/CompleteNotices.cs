using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Notifications.Domain.Incidents;
using Notifications.Functions.Access;
using Notifications.Functions.Incidents;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Notices;

/// <summary>
/// <c>POST /api/incidents/{id}/notification/complete</c>: a privacy officer records that everyone due a notice was
/// notified (directly, by letter or indirectly) or withheld, with the counts. Reminders stop and the Commissioner's
/// report draft takes the final counts. (The mass fan-out records the same event when its last batch completes.)
/// </summary>
public sealed class CompleteNotices(IncidentCommands commands)
{
    [Function("CompleteNotices")]
    [Authorize(Policies.Officer)]
    public Task<IncidentAnswer> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/notification/complete")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Handle(id, request.HttpContext, commands, durable, ct);

    public sealed record Request(int? Direct, int? Letters, int? Indirect, int? Withheld, List<string>? WithheldReasons, string? Method);

    public static async Task<IncidentAnswer> Handle(
        string id, HttpContext http, IncidentCommands commands, DurableTaskClient durable, CancellationToken ct)
    {
        var (r, errors) = await JsonBody.ReadAsync<Request>(http.Request, ct);
        if (r is not null)
        {
            foreach (var (field, value) in new[] { ("direct", r.Direct), ("letters", r.Letters), ("indirect", r.Indirect), ("withheld", r.Withheld) })
            {
                if (value is null or < 0)
                {
                    errors[field] = ["A count of zero or more is required."];
                }
            }

            if (r.Withheld > 0 && (r.WithheldReasons is not { Count: > 0 } || r.WithheldReasons.Any(string.IsNullOrWhiteSpace)))
            {
                errors["withheldReasons"] = ["Say why notices were withheld (the safety exception)."];
            }

            if (string.IsNullOrWhiteSpace(r.Method) || r.Method.Length > 1000)
            {
                errors["method"] = ["Describe how individuals were notified (at most 1000 characters)."];
            }
        }

        if (errors.Count > 0 || r is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The notification record is not valid.");
        }

        var counts = new NoticeCounts(r.Direct!.Value, r.Letters!.Value, r.Indirect!.Value, r.Withheld!.Value, r.WithheldReasons ?? [], r.Method!.Trim());
        return await commands.RunAsync(durable, id, new NoticesCompleted(counts) { EventId = WorkflowCalls.EventId(http.Request, "notices-completed") },
            http.User.ToActor(Roles.PrivacyOfficer), ct);
    }
}
