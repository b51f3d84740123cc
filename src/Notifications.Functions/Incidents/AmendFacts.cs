using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Notifications.Domain.Breach;
using Notifications.Domain.Incidents;
using Notifications.Functions.Access;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary>
/// <c>PATCH /api/incidents/{id}</c>: amend the facts with a JSON merge patch (RFC 7396) of the same fields intake takes,
/// plus a <c>reason</c>. The amendment is recorded and the assessment runs again.
/// </summary>
public sealed class AmendFacts(IncidentStore store, IncidentCommands commands, TimeProvider clock)
{
    [Function(nameof(AmendFacts))]
    [Authorize(Policies.Officer)]
    public Task<IncidentAnswer> Run(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "api/incidents/{id}")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Handle(id, request.HttpContext, store, commands, durable, clock, ct);

    public static async Task<IncidentAnswer> Handle(
        string id, HttpContext http, IncidentStore store, IncidentCommands commands, DurableTaskClient durable, TimeProvider clock, CancellationToken ct)
    {
        var (patch, errors) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (patch is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The amendment is not valid.");
        }

        var (state, _) = await store.LoadAsync(id, ct);
        if (state.Facts is null)
        {
            return TypedResults.NotFound(ProblemDetailsBody.NotFound(id));
        }

        var reason = patch["reason"]?.GetValueKind() == JsonValueKind.String ? patch["reason"]!.GetValue<string>() : null;
        patch.Remove("reason");
        var changed = patch.Select(p => p.Key).ToList();
        if (changed.Count == 0)
        {
            errors["$"] = ["Name at least one fact to change."];
        }

        var merged = JsonSerializer.SerializeToNode(state.Facts, WorkflowJson.Options)!.AsObject();
        MergePatch(merged, patch);
        var (facts, bindErrors) = JsonBody.Bind<BreachFacts>(merged);
        foreach (var (field, messages) in bindErrors.Concat(facts?.Validate(clock.GetUtcNow(), IncidentDecider.PackOf(state)) ?? new Dictionary<string, string[]>()))
        {
            errors[field] = messages;
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            errors["reason"] = ["Say why the facts change (at most 2000 characters)."];
        }

        if (errors.Count > 0 || facts is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The amendment is not valid.");
        }

        var amended = new FactsAmended(facts, changed, reason!.Trim()) { EventId = WorkflowCalls.EventId(http.Request, "amend") };
        return await commands.RunAsync(durable, id, amended, http.User.ToActor(Roles.PrivacyOfficer), ct);
    }

    /// <summary>RFC 7396: objects merge recursively, null removes, anything else replaces.</summary>
    private static void MergePatch(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchObject && target[key] is JsonObject targetObject)
            {
                MergePatch(targetObject, patchObject);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
