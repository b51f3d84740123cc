using System.Net.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Notifications.Domain.Containment;
using Notifications.Domain.Incidents;
using Notifications.Functions.Access;
using Notifications.Functions.Incidents;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Containment;

/// <summary>Containment tasks over HTTP: add one, complete one, and give a deletion task its wrong recipients.</summary>
public sealed class ContainmentEndpoints(IncidentStore store, IncidentCommands commands, TimeProvider clock)
{
    [Function("AddContainmentTask")]
    [Authorize(Policies.Officer)]
    public Task<IncidentAnswer> RunAddTask(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/containment/tasks")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        AddTask(id, request.HttpContext, commands, durable, clock, ct);

    [Function("CompleteContainmentTask")]
    [Authorize(Policies.Officer)]
    public Task<IncidentAnswer> RunCompleteTask(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/containment/tasks/{taskId}/complete")] HttpRequest request, string id, string taskId,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        CompleteTask(id, taskId, request.HttpContext, commands, durable, ct);

    [Function("RegisterWrongRecipients")]
    [Authorize(Policies.Officer)]
    public Task<IncidentAnswer> RunRegisterWrongRecipients(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/containment/tasks/{taskId}/wrong-recipients")] HttpRequest request, string id, string taskId,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        RegisterWrongRecipients(id, taskId, request.HttpContext, store, commands, durable, ct);

    public sealed record AddTaskRequest(string? Title, string? Owner, DateTimeOffset? DueAt);

    public sealed record CompleteTaskRequest(string? Note);

    public sealed record WrongRecipientsRequest(List<WrongRecipientRequest>? Recipients);

    public sealed record WrongRecipientRequest(string? Email, string? Language);

    public static async Task<IncidentAnswer> AddTask(
        string id, HttpContext http, IncidentCommands commands, DurableTaskClient durable, TimeProvider clock, CancellationToken ct)
    {
        var (request, errors) = await JsonBody.ReadAsync<AddTaskRequest>(http.Request, ct);
        if (request is not null)
        {
            FieldChecks.Text(errors, "title", request.Title, 300);
            FieldChecks.Text(errors, "owner", request.Owner, 100);
            if (request.DueAt is null)
            {
                errors["dueAt"] = ["Required."];
            }
        }

        if (errors.Count > 0 || request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The task is not valid.");
        }

        var eventId = WorkflowCalls.EventId(http.Request, "task-added");
        // Deterministic from the event id, so a retried request with the same Idempotency-Key adds the same task.
        var taskId = "task-custom-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(eventId)))[..10];
        var task = new ContainmentTask(taskId, "custom",
            request.Title!.Trim(), request.Owner!.Trim(), request.DueAt!.Value, ContainmentTaskKind.Manual);
        return await commands.RunAsync(durable, id, new ContainmentTaskAdded(task) { EventId = eventId }, http.User.ToActor(Roles.PrivacyOfficer), ct);
    }

    public static async Task<IncidentAnswer> CompleteTask(
        string id, string taskId, HttpContext http, IncidentCommands commands, DurableTaskClient durable, CancellationToken ct)
    {
        var (request, errors) = await JsonBody.ReadAsync<CompleteTaskRequest>(http.Request, ct);
        if (request is not null)
        {
            FieldChecks.Text(errors, "note", request.Note, 2000, multiline: true);
        }

        if (errors.Count > 0 || request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The completion is not valid.");
        }

        var completed = new ContainmentTaskCompleted(taskId, request.Note!.Trim()) { EventId = WorkflowCalls.EventId(http.Request, $"task-completed:{taskId}") };
        return await commands.RunAsync(durable, id, completed, http.User.ToActor(Roles.PrivacyOfficer), ct);
    }

    public static async Task<IncidentAnswer> RegisterWrongRecipients(
        string id, string taskId, HttpContext http, IncidentStore store, IncidentCommands commands, DurableTaskClient durable, CancellationToken ct)
    {
        var (request, errors) = await JsonBody.ReadAsync<WrongRecipientsRequest>(http.Request, ct);
        var recipients = request?.Recipients ?? [];
        if (request is not null && recipients.Count is 0 or > 500)
        {
            errors["recipients"] = ["Give 1 to 500 wrong recipients."];
        }

        for (var i = 0; i < recipients.Count; i++)
        {
            var r = recipients[i];
            if (string.IsNullOrWhiteSpace(r.Email) || !MailAddress.TryCreate(r.Email.Trim(), out var email) || email.Address != r.Email.Trim())
            {
                errors[$"recipients[{i}].email"] = ["A valid email address is required."];
            }

            if (r.Language is not ("en" or "fr"))
            {
                errors[$"recipients[{i}].language"] = ["Use \"en\" or \"fr\"."];
            }
        }

        if (errors.Count > 0 || request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The wrong recipients are not valid.");
        }

        var (state, _) = await store.LoadAsync(id, ct);
        var first = (state.Task(taskId)?.Recipients.Count ?? 0) + 1;
        var registered = new WrongRecipientsRegistered(taskId,
            recipients.Select((r, i) => new WrongRecipient($"r{first + i}", r.Email!.Trim(), r.Language!)).ToList())
        { EventId = WorkflowCalls.EventId(http.Request, $"wrong-recipients:{taskId}") };
        return await commands.RunAsync(durable, id, registered, http.User.ToActor(Roles.PrivacyOfficer), ct);
    }
}
