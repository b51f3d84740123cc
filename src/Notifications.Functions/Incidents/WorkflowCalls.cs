using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary>How long a command waits for the incident's orchestration to decide it before answering 202 (section <c>Workflow</c>).</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CommandWait { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// A human decision or an outside fact, run through the incident's orchestration: submitted, then answered with its
/// outcome when the incident decides it within <see cref="WorkflowOptions.CommandWait"/>: 200 with the incident, 404,
/// or 409 with the reason; otherwise 202 Accepted with a <c>Location</c> to poll (<see cref="GetEventOutcome"/>).
/// </summary>
public sealed class IncidentCommands(IncidentWorkflow workflow, IncidentStore store, IOptions<WorkflowOptions> options)
{
    public async Task<IncidentAnswer> RunAsync(DurableTaskClient durable, string id, IncidentEvent inbound, Actor actor, CancellationToken ct) =>
        await AnswerAsync(id, await DecideAsync(durable, id, inbound, actor, ct), ct);

    /// <summary>Submits and waits for the outcome (still <see cref="EventOutcome.Pending"/> after the wait).</summary>
    public Task<InboxEntry> DecideAsync(DurableTaskClient durable, string id, IncidentEvent inbound, Actor actor, CancellationToken ct) =>
        workflow.SubmitAndWaitAsync(durable, id, inbound, actor, options.Value.CommandWait, ct);

    /// <summary>Waits for an event's outcome as long as a command does.</summary>
    public Task<InboxEntry?> WaitAsync(string id, string eventId, CancellationToken ct) =>
        workflow.WaitAsync(id, eventId, options.Value.CommandWait, ct);

    /// <summary>Submits without waiting (a timer's or a queue function's event): true when this call put it in the inbox.</summary>
    public Task<bool> SubmitAsync(DurableTaskClient durable, string id, IncidentEvent inbound, Actor actor, CancellationToken ct) =>
        workflow.SubmitAsync(durable, id, inbound, actor, ct);

    /// <summary>The answer to an event whose outcome is <paramref name="entry"/>.</summary>
    public async Task<IncidentAnswer> AnswerAsync(string id, InboxEntry entry, CancellationToken ct) => entry.Outcome switch
    {
        EventOutcome.Pending => TypedResults.Accepted(GetEventOutcome.Location(id, entry.EventId), EventStatus.From(entry)),
        EventOutcome.NotFound => TypedResults.NotFound(ProblemDetailsBody.NotFound(id)),
        EventOutcome.Rejected => WorkflowCalls.Conflict(entry.Detail ?? "Not allowed now."),
        _ => TypedResults.Ok(IncidentView.From((await store.LoadAsync(id, ct)).State)),
    };
}

/// <summary>An inbound event's outcome as the API shows it (what a 202's <c>Location</c> answers).</summary>
public sealed record EventStatus(string EventId, string Type, EventOutcome Outcome, string? Detail, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt)
{
    public static EventStatus From(InboxEntry e) => new(e.EventId, e.Event.TypeName, e.Outcome, e.Detail, e.SubmittedAt, e.DecidedAt);
}

public static class WorkflowCalls
{
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
