using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Domain.Incidents;
using Notifications.Domain.Reports;
using Notifications.Functions.Access;
using Notifications.Functions.Incidents;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Notices;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Notices;

/// <summary>
/// The notices fan-out of an incident: start it (canary first), halt and resume it, and read its progress. One run per
/// import: the run id is derived from the import id, so a retried start changes nothing. The run itself is a Durable
/// orchestration (<see cref="NotificationRun"/>); each start, halt and resume is also recorded in the incident's history
/// with the officer who made it.
/// </summary>
public sealed class NotificationEndpoints(
    IncidentStore store, FanOutPlanner planner, FanOutControl control, FanOutProgress progress, ContactPerson contact, NoticeContentScreen screen,
    IncidentCommands commands)
{
    [Function("StartNotification")]
    [Authorize(Policies.Officer)]
    public Task<Results<Ok<FanOutSnapshot>, NotFound<ProblemDetailsBody>, ProblemHttpResult>> RunStart(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/notification/start")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Start(durable, id, request.HttpContext, store, planner, progress, contact, screen, commands, ct);

    [Function("HaltNotification")]
    [Authorize(Policies.Officer)]
    public Task<Results<Ok<FanOutSnapshot>, NotFound<ProblemDetailsBody>>> RunHalt(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/notification/halt")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Halt(durable, id, request.HttpContext.User.ToActor(Roles.PrivacyOfficer), control, progress, planner, commands, ct);

    [Function("ResumeNotification")]
    [Authorize(Policies.Officer)]
    public Task<Results<Ok<Resumed>, NotFound<ProblemDetailsBody>, ProblemHttpResult>> RunResume(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/notification/resume")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Resume(durable, id, request.HttpContext, store, control, progress, screen, planner, commands, ct);

    [Function("GetNotification")]
    [Authorize(Policies.Read)]
    public Task<Results<Ok<FanOutSnapshot>, NotFound<ProblemDetailsBody>>> RunGet(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/incidents/{id}/notification")] HttpRequest request, string id, CancellationToken ct) =>
        Get(id, progress, ct);

    public sealed record Resumed(int BatchesRequeued, FanOutSnapshot? Progress);

    public static string RunIdFor(string importId) => $"run-{importId}";

    public static async Task<Results<Ok<FanOutSnapshot>, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Start(
        DurableTaskClient durable, string id, HttpContext http, IncidentStore store, FanOutPlanner planner, FanOutProgress progress, ContactPerson contact,
        NoticeContentScreen screen, IncidentCommands commands, CancellationToken ct)
    {
        var (state, _) = await store.LoadAsync(id, ct);
        if (state.Status == IncidentStatus.None)
        {
            return TypedResults.NotFound(ProblemDetailsBody.NotFound(id));
        }

        var refusal = Refusal(state);
        if (refusal is not null)
        {
            return WorkflowCalls.Conflict(refusal);
        }

        // The approved text against the people imported now (and content stored before the check existed).
        if (await screen.RefuseAsync(durable, state, NoticeContentTargets.Approved, http.User.ToActor(Roles.PrivacyOfficer), ct) is { } held)
        {
            return held;
        }

        var runId = RunIdFor(state.Recipients!.ImportId);
        var run = await planner.StartAsync(id, runId, IncidentNoticeModel.Pin(state, contact), ct);
        if (run is null)
        {
            return WorkflowCalls.Conflict("Nobody was imported.");
        }

        if (run.RunId != runId)
        {
            return WorkflowCalls.Conflict($"Run {run.RunId} was started for an earlier import; it stays the incident's run.");
        }

        // Recorded first (once per run: a retried start finds it there), then the run's orchestration is scheduled.
        await commands.SubmitAsync(durable, id, new NotificationStarted(run.RunId, run.ImportId, run.People, run.Batches)
        {
            EventId = $"notification-started:{run.RunId}",
        }, http.User.ToActor(Roles.PrivacyOfficer), ct);
        await NotificationRunClient.EnsureStartedAsync(durable, run, ct);
        return TypedResults.Ok((await progress.GetAsync(id, ct))!);
    }

    /// <summary>
    /// Why notices cannot go out now (the fan-out or the letters export), or null when they can: notifying, not yet
    /// complete, people imported, content approved for the deployed templates.
    /// </summary>
    public static string? Refusal(IncidentState state) => state switch
    {
        { ContactDataPurgedAt: not null } => IncidentDecider.ContactDataWasPurged,
        { Status: not IncidentStatus.Notifying } => "Notices go out only once significant harm is confirmed and while the incident is open.",
        { NoticesCompletedAt: not null } => "The notices are already complete.",
        { Recipients: null } => "Import the affected people first.",
        { NoticeContent.Approved: null } or { NoticeContent: null } => "The notice content must be submitted and approved first.",
        { NoticeContentHold: { } hold } when hold.Holds(NoticeContentTargets.Approved) => NoticeContentScreen.Reason(NoticeContentTargets.Approved, hold.Findings),
        { NoticeContent.Approved: { Templates: null, TemplateVersion: var v } } when v != NoticeTemplateSet.Default.Version =>
            "The approved content was written for other templates than the deployed ones; submit and approve it again.",
        _ => null,
    };

    public static async Task<Results<Ok<FanOutSnapshot>, NotFound<ProblemDetailsBody>>> Halt(
        DurableTaskClient durable, string id, Actor actor, FanOutControl control, FanOutProgress progress, FanOutPlanner planner,
        IncidentCommands commands, CancellationToken ct)
    {
        if (!await control.HaltAsync(id, ct) || await planner.GetRunAsync(id, ct) is not { } run)
        {
            return NoRun(id);
        }

        await NotificationRunClient.SignalAsync(durable, run, RunSignal.Halt, ct);
        await commands.SubmitAsync(durable, id, new NotificationHalted(run.RunId) { EventId = $"notification-halted:{run.RunId}:{Guid.NewGuid():N}" }, actor, ct);
        return TypedResults.Ok((await progress.GetAsync(id, ct))!);
    }

    public static async Task<Results<Ok<Resumed>, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Resume(
        DurableTaskClient durable, string id, HttpContext http, IncidentStore store, FanOutControl control, FanOutProgress progress, NoticeContentScreen screen,
        FanOutPlanner planner, IncidentCommands commands, CancellationToken ct)
    {
        if (await progress.GetAsync(id, ct) is null)
        {
            return NoRun(id);
        }

        var (state, _) = await store.LoadAsync(id, ct);
        var refusal = state switch
        {
            { ContactDataPurgedAt: not null } => IncidentDecider.ContactDataWasPurged,
            { IndirectNotice: not null } => "Indirect notice was chosen for the whole incident; direct sending stays stopped.",
            _ => null,
        };
        if (refusal is not null)
        {
            return WorkflowCalls.Conflict(refusal);
        }

        // The run sends the text pinned at its start: held if it names someone imported since, or carries an identifier.
        if (await screen.RefuseAsync(durable, state, NoticeContentTargets.Run, http.User.ToActor(Roles.PrivacyOfficer), ct) is { } held)
        {
            return held;
        }

        var unfinished = await control.ResumeAsync(id, ct);
        if (await planner.GetRunAsync(id, ct) is { } run)
        {
            await commands.SubmitAsync(durable, id, new NotificationResumed(run.RunId) { EventId = $"notification-resumed:{run.RunId}:{Guid.NewGuid():N}" },
                http.User.ToActor(Roles.PrivacyOfficer), ct);
            // A run started before its orchestration existed (or whose instance was purged) gets one now.
            if (!await NotificationRunClient.SignalAsync(durable, run, RunSignal.Resume, ct))
            {
                await NotificationRunClient.EnsureStartedAsync(durable, run, ct);
            }
        }

        return TypedResults.Ok(new Resumed(unfinished, await progress.GetAsync(id, ct)));
    }

    public static async Task<Results<Ok<FanOutSnapshot>, NotFound<ProblemDetailsBody>>> Get(string id, FanOutProgress progress, CancellationToken ct) =>
        await progress.GetAsync(id, ct) is { } snapshot ? TypedResults.Ok(snapshot) : NoRun(id);


    private static NotFound<ProblemDetailsBody> NoRun(string id) =>
        TypedResults.NotFound(new ProblemDetailsBody("https://tools.ietf.org/html/rfc9110#section-15.5.5", "No notification run",
            404, $"No notification run has been started for incident {id}."));
}
