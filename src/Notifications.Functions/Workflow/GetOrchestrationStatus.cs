using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Notifications.Functions.Access;
using Notifications.Functions.Incidents;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Workflow;

/// <summary>
/// <c>GET /api/incidents/{id}/orchestration</c>, for operators (Auditor role): the incident's orchestration and its
/// notification runs as Durable sees them: runtime status, last event, next timer, failure. Ids and times only.
/// </summary>
public sealed class GetOrchestrationStatus
{
    public sealed record InstanceView(
        string InstanceId, string Name, string RuntimeStatus, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt,
        string? CustomStatus, string? FailureType, string? FailureMessage);

    public sealed record Response(InstanceView Incident, IReadOnlyList<InstanceView> Runs);

    [Function(nameof(GetOrchestrationStatus))]
    [Authorize(Policies.Audit)]
    public async Task<Results<Ok<Response>, NotFound<ProblemDetailsBody>>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/incidents/{id}/orchestration")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        if (await durable.GetInstanceAsync(id, getInputsAndOutputs: true, ct) is not { } incident)
        {
            return TypedResults.NotFound(ProblemDetailsBody.NotFound(id));
        }

        var runs = new List<InstanceView>();
        await foreach (var run in durable.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = id + ":", FetchInputsAndOutputs = true }).WithCancellation(ct))
        {
            runs.Add(View(run));
        }

        return TypedResults.Ok(new Response(View(incident), runs));
    }

    private static InstanceView View(OrchestrationMetadata m) => new(
        m.InstanceId, m.Name, m.RuntimeStatus.ToString(), m.CreatedAt, m.LastUpdatedAt, m.SerializedCustomStatus,
        m.FailureDetails?.ErrorType, m.FailureDetails?.ErrorMessage ?? (m.RuntimeStatus == OrchestrationRuntimeStatus.Failed ? m.SerializedOutput : null));
}
