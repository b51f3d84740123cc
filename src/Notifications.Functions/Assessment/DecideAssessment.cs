using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Notifications.Domain.Assessment;
using Notifications.Domain.Incidents;
using Notifications.Domain.Policy;
using Notifications.Functions.Access;
using Notifications.Functions.Incidents;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Assessment;

/// <summary>
/// <c>POST /api/incidents/{id}/assessment/decision</c>: a privacy officer confirms the engine's proposal, or overrides it
/// with a written reason. Nothing is notified on the engine's word alone.
/// Body: <c>{"decision":"confirm"}</c> or <c>{"decision":"override","significantHarm":true,"level":"high","urgency":"immediate","reason":"..."}</c>.
/// </summary>
public sealed class DecideAssessment(IncidentStore store, IncidentCommands commands)
{
    [Function("DecideAssessment")]
    [Authorize(Policies.Officer)]
    public Task<IncidentAnswer> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/assessment/decision")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Handle(id, request.HttpContext, store, commands, durable, ct);

    public sealed record Request(string? Decision, bool? SignificantHarm, HarmLevel? Level, Urgency? Urgency, string? Reason);

    public static async Task<IncidentAnswer> Handle(
        string id, HttpContext http, IncidentStore store, IncidentCommands commands, DurableTaskClient durable, CancellationToken ct)
    {
        var (request, errors) = await JsonBody.ReadAsync<Request>(http.Request, ct);
        var kind = request?.Decision switch
        {
            "confirm" => DecisionKind.Confirmed,
            "override" => DecisionKind.Overridden,
            _ => (DecisionKind?)null,
        };
        if (request is not null && kind is null)
        {
            errors["decision"] = ["Use \"confirm\" or \"override\"."];
        }

        if (kind == DecisionKind.Overridden)
        {
            if (request!.SignificantHarm is null)
            {
                errors["significantHarm"] = ["Say whether the breach could cause significant harm."];
            }

            if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 4000)
            {
                errors["reason"] = ["An override needs a written reason (at most 4000 characters)."];
            }
        }

        if (errors.Count > 0 || request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The decision is not valid.");
        }

        var (state, _) = await store.LoadAsync(id, ct);
        if (state.Status == IncidentStatus.None)
        {
            return TypedResults.NotFound(ProblemDetailsBody.NotFound(id));
        }

        if (state.CurrentProposal is not { } proposal)
        {
            return WorkflowCalls.Conflict("The assessment of the latest facts is not ready yet; decide once it is proposed.");
        }

        var significant = kind == DecisionKind.Confirmed ? proposal.SignificantHarm : request.SignificantHarm!.Value;
        var level = request.Level ?? proposal.Level;
        var reason = request.Reason?.Trim();
        var eventId = WorkflowCalls.EventId(http.Request, "decision");
        IncidentEvent decided = significant
            ? new SignificantHarmDecided(kind!.Value, level, request.Urgency ?? proposal.Urgency, reason, state.FactsVersion) { EventId = eventId }
            : new NoSignificantHarmDecided(kind!.Value, level, reason ?? BelowThresholdReason(proposal), state.FactsVersion) { EventId = eventId };
        return await commands.RunAsync(durable, id, decided, http.User.ToActor(Roles.PrivacyOfficer), ct);
    }

    /// <summary>When an officer confirms a below-threshold proposal without words of their own, the proposal's reasons are the record.</summary>
    private static string BelowThresholdReason(AssessmentProposal proposal) =>
        "Below the significant-harm threshold (" + proposal.PackId + " " + proposal.PackVersion + "): " + string.Join(" ", proposal.Reasons.Select(r => r.Text));
}
