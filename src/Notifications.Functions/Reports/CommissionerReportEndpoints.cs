using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Notifications.Domain.Incidents;
using Notifications.Functions.Access;
using Notifications.Functions.Incidents;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Reports;

/// <summary>The Commissioner's reports (the first one and its follow-ups): read every report sent and the current draft, and approve it.</summary>
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

    /// <summary>
    /// The current report (the first one, or the latest follow-up) at the top level, as before; <see cref="Reports"/> is
    /// every report sent, oldest first, and <see cref="Draft"/> the report awaiting approval or sending, if any.
    /// </summary>
    public sealed record ReportDocument(string Subject, string Text, DateTimeOffset DraftedAt, string? ApprovedSubject, string? ApprovedText,
        DateTimeOffset? ApprovedAt, DateTimeOffset? SentAt, string? SentMessageId)
    {
        public int Number { get; init; } = 1;
        public IReadOnlyList<SentReport> Reports { get; init; } = [];
        public DraftReport? Draft { get; init; }
    }

    /// <summary>A report as sent; <see cref="Kind"/> is <c>first</c> or <c>follow-up</c>.</summary>
    public sealed record SentReport(int Number, string Kind, string Subject, string Text, DateTimeOffset? ApprovedAt, DateTimeOffset SentAt, string? SentMessageId);

    /// <summary>The report not yet sent: its draft text, and what was approved of it when it is on its way.</summary>
    public sealed record DraftReport(int Number, string Kind, string Subject, string Text, DateTimeOffset DraftedAt, string? ApprovedText, DateTimeOffset? ApprovedAt);

    public static async Task<Results<Ok<ReportDocument>, NotFound<ProblemDetailsBody>>> Get(string id, IncidentStore store, CancellationToken ct)
    {
        var (state, _) = await store.LoadAsync(id, ct);
        static string Kind(ReportState r) => r.Number == 1 ? "first" : "follow-up";
        return state.CommissionerReport is { } r
            ? TypedResults.Ok(new ReportDocument(r.Subject, r.Text, r.DraftedAt, r.ApprovedSubject, r.ApprovedText, r.ApprovedAt, r.SentAt, r.SentMessageId)
            {
                Number = r.Number,
                Reports = state.SentReports.Select(s => new SentReport(s.Number, Kind(s), s.ApprovedSubject ?? s.Subject, s.ApprovedText ?? s.Text,
                    s.ApprovedAt, s.SentAt!.Value, s.SentMessageId)).ToList(),
                Draft = r.SentAt is null ? new DraftReport(r.Number, Kind(r), r.Subject, r.Text, r.DraftedAt, r.ApprovedText, r.ApprovedAt) : null,
            })
            : TypedResults.NotFound(new ProblemDetailsBody("https://tools.ietf.org/html/rfc9110#section-15.5.5", "No report",
                404, "No Commissioner's report is drafted: significant harm has not been confirmed for this incident."));
    }

    /// <summary>An approver approves the current draft; that exact text is pinned and emailed to the Commissioner.</summary>
    public static Task<IncidentAnswer> Approve(
        string id, HttpContext http, IncidentCommands commands, DurableTaskClient durable, CancellationToken ct) =>
        commands.RunAsync(durable, id, new CommissionerReportApproved("", "") { EventId = WorkflowCalls.EventId(http.Request, "report-approved") },
            http.User.ToActor(Roles.Approver), ct);
}
