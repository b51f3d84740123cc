using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Notifications.Domain.Incidents;
using Notifications.Domain.Recipients;
using Notifications.Functions.Access;
using Notifications.Functions.Incidents;
using Notifications.Functions.Reminders;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Notices;

/// <summary>
/// <c>POST /api/incidents/{id}/notification/indirect</c>: a privacy officer switches the whole incident to indirect
/// notice (the public notice page), under one of the pack's triggers (BC FOIPP Regulation s. 11.1(2): it reaches people
/// sooner, or direct notice would unreasonably interfere with operations, or contact information is not accurate), with
/// the reason. A fan-out in progress is halted first; whoever it already emailed counts as notified directly, everyone
/// else except the withheld counts as notified indirectly. The notices are complete with those counts.
/// </summary>
public sealed class ChooseIndirectNotice(IncidentStore store, IncidentCommands commands, FanOutControl control, FanOutProgress progress, IOptions<PrivacyOfficeOptions> office)
{
    [Function("ChooseIndirectNotice")]
    [Authorize(Policies.Officer)]
    public Task<IncidentAnswer> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/notification/indirect")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Handle(id, request.HttpContext, store, commands, durable, control, progress, office, ct);

    public const int MaxReasonLength = 2000;

    public sealed record Request(string? Trigger, string? Reason);

    public static async Task<IncidentAnswer> Handle(
        string id, HttpContext http, IncidentStore store, IncidentCommands commands, DurableTaskClient durable, FanOutControl control, FanOutProgress progress,
        IOptions<PrivacyOfficeOptions> office, CancellationToken ct)
    {
        var (r, errors) = await JsonBody.ReadAsync<Request>(http.Request, ct);
        if (r is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The indirect-notice decision is not valid.");
        }

        var (state, _) = await store.LoadAsync(id, ct);
        if (state.Status == IncidentStatus.None)
        {
            return TypedResults.NotFound(ProblemDetailsBody.NotFound(id));
        }

        var triggers = IncidentDecider.PackOf(state).IndirectNotice;
        if (triggers.All(t => t.Code != r.Trigger))
        {
            errors["trigger"] = [$"One of: {string.Join(", ", triggers.Select(t => t.Code))}."];
        }

        if (string.IsNullOrWhiteSpace(r.Reason) || r.Reason.Length > MaxReasonLength)
        {
            errors["reason"] = [$"Say why indirect notice is chosen (at most {MaxReasonLength} characters)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The indirect-notice decision is not valid.");
        }

        var trigger = triggers.Single(t => t.Code == r.Trigger);
        var eventId = WorkflowCalls.EventId(http.Request, "indirect-notice-chosen");
        if (state.IndirectNotice is not null)
        {
            // A retried request (the apply activity answers it from its applied marker) or a second choice (the decider refuses it).
            return await commands.RunAsync(durable, id, new IndirectNoticeChosen(trigger.Code, r.Reason!.Trim(), state.Notices!) { EventId = eventId },
                http.User.ToActor(Roles.PrivacyOfficer), ct);
        }

        var refusal = state switch
        {
            { Status: not IncidentStatus.Notifying } => "Notices are chosen only once significant harm is confirmed and while the incident is open.",
            { NoticesCompletedAt: not null } => "The notices are already complete.",
            { NoticeContent.Approved: null } or { NoticeContent: null } =>
                "Approve the notice content first: the public notice must carry everything a direct notice does.",
            { Recipients: null, Facts.Affected.EstimatedCount: null } =>
                "Record the estimated number of people affected (amend the facts) or import them first, so the report can count them.",
            _ => null,
        };
        if (refusal is not null)
        {
            return WorkflowCalls.Conflict(refusal);
        }

        // Stop direct sending first, so the counts below are final (a send already holding its permit may still finish).
        await control.HaltAsync(id, ct);
        var sent = (await progress.GetAsync(id, ct))?.Sent ?? 0;
        var url = $"{office.Value.BaseUrl.TrimEnd('/')}/api/public/notices/{Uri.EscapeDataString(id)}";
        var counts = Counts(state, sent, $"{trigger.Labels.En} {r.Reason!.Trim()}", url);
        var chosen = new IndirectNoticeChosen(trigger.Code, r.Reason.Trim(), counts) { EventId = eventId };
        return await commands.RunAsync(durable, id, chosen, http.User.ToActor(Roles.PrivacyOfficer), ct);
    }

    /// <summary>Emailed before the switch: direct. Letters exported before it (and not come back): letters. Withheld stay withheld. Everyone else: indirect.</summary>
    public static NoticeCounts Counts(IncidentState state, long sentDirectly, string why, string publicNoticeUrl)
    {
        var total = state.Recipients?.Counts.Rows ?? state.Facts!.Affected.EstimatedCount ?? 0;
        var withheld = state.Recipients?.Counts.ByChannel.GetValueOrDefault(NoticeChannel.Withheld) ?? 0;
        var letters = NoticeCompletion.LettersNotReturned(state) ?? 0; // a letter that came back counts as indirect
        var direct = (int)Math.Min(sentDirectly, total - withheld - letters);
        var indirect = (int)Math.Max(0, total - withheld - letters - direct);
        var method = $"Indirect notice for the whole incident: {why} The public notice, in English and French, is at {publicNoticeUrl}"
            + (direct > 0 ? $"; {direct} people were notified directly by email before the switch" : "")
            + (letters > 0 ? $"; {letters} letters were exported for mailing before the switch." : ".");
        IReadOnlyList<string> reasons = withheld > 0 ? [NoticeCompletion.WithheldReason] : [];
        return new NoticeCounts(direct, letters, indirect, (int)withheld, reasons, method);
    }
}
