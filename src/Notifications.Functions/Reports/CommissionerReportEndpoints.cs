using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Notifications.Domain.Incidents;
using Notifications.Functions.Access;
using Notifications.Functions.Incidents;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Reports;

/// <summary>The Commissioner's report: read the draft (and what was approved and sent), and approve it.</summary>
public sealed class CommissionerReportEndpoints(IncidentStore store, IncidentCommands commands)
{
    [Function("GetCommissionerReport")]
    [Authorize(Policies.Read)]
    public Task<Results<Ok<ReportDocument>, NotFound<ProblemDetailsBody>>> RunGet(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/incidents/{id}/commissioner-report")] HttpRequest request, string id, CancellationToken ct) =>
        Get(id, store, ct);

    [Function("ApproveCommissionerReport")]
    [Authorize(Policies.Approve)]
    public Task<IncidentAnswer> RunApprove(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/commissioner-report/approve")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Approve(id, request.HttpContext, commands, durable, ct);

    public sealed record ReportDocument(string Subject, string Text, DateTimeOffset DraftedAt, string? ApprovedSubject, string? ApprovedText,
        DateTimeOffset? ApprovedAt, DateTimeOffset? SentAt, string? SentMessageId);

    public static async Task<Results<Ok<ReportDocument>, NotFound<ProblemDetailsBody>>> Get(string id, IncidentStore store, CancellationToken ct)
    {
        var (state, _) = await store.LoadAsync(id, ct);
        return state.CommissionerReport is { } r
            ? TypedResults.Ok(new ReportDocument(r.Subject, r.Text, r.DraftedAt, r.ApprovedSubject, r.ApprovedText, r.ApprovedAt, r.SentAt, r.SentMessageId))
            : TypedResults.NotFound(new ProblemDetailsBody("https://tools.ietf.org/html/rfc9110#section-15.5.5", "No report",
                404, "No Commissioner's report is drafted: significant harm has not been confirmed for this incident."));
    }

    /// <summary>An approver approves the current draft; that exact text is pinned and emailed to the Commissioner.</summary>
    public static Task<IncidentAnswer> Approve(
        string id, HttpContext http, IncidentCommands commands, DurableTaskClient durable, CancellationToken ct) =>
        commands.RunAsync(durable, id, new CommissionerReportApproved("", "") { EventId = WorkflowCalls.EventId(http.Request, "report-approved") },
            http.User.ToActor(Roles.Approver), ct);
}
