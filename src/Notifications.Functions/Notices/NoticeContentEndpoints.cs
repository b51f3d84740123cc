using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Notifications.Domain.Incidents;
using Notifications.Domain.Policy;
using Notifications.Domain.Reports;
using Notifications.Functions.Access;
using Notifications.Functions.Incidents;
using Notifications.Infrastructure.Notices;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Notices;

/// <summary>
/// What the notices to individuals say: a privacy officer submits the summary and the steps a person can take (both
/// languages), optionally with the office's own English and French templates instead of the deployed ones, checked with
/// the incident's facts against the pack's required elements; an approver approves (pins) it, templates included.
/// </summary>
public sealed class NoticeContentEndpoints(
    IncidentStore store, IncidentCommands commands, ContactPerson contact, NoticeCompletion completion, NoticeContentScreen screen)
{
    [Function("SubmitNoticeContent")]
    [Authorize(Policies.Officer)]
    public Task<IncidentAnswer> RunSubmit(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/notices/content")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Submit(id, request.HttpContext, store, commands, durable, contact, screen, ct);

    [Function("ApproveNoticeContent")]
    [Authorize(Policies.Approve)]
    public Task<IncidentAnswer> RunApprove(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/notices/approve")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Approve(id, request.HttpContext, store, commands, durable, completion, ct);

    [Function("GetDefaultNoticeTemplates")]
    [Authorize(Policies.Read)]
    public static Ok<TemplatesView> RunDefaultTemplates(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/notices/templates/default")] HttpRequest request) =>
        TypedResults.Ok(new TemplatesView(NoticeTemplateSet.Default.Version, NoticeTemplateSet.Default.English, NoticeTemplateSet.Default.French));

    public const int MaxSummaryLength = 4000;
    public const int MaxSteps = 20;
    public const int MaxStepLength = 500;
    public const int MaxSubjectTemplateLength = 1000;
    public const int MaxBodyTemplateLength = 20_000;

    public sealed record Languages<T>(T? En, T? Fr);

    public sealed record TemplateRequest(string? Subject, string? Body);

    public sealed record Request(Languages<string>? Summary, Languages<List<string>>? StepsForPerson, Languages<TemplateRequest>? Templates);

    public sealed record ApproveRequest(string? TemplateVersion);

    public sealed record TemplatesView(string Version, NoticeTemplate En, NoticeTemplate Fr);

    public static async Task<IncidentAnswer> Submit(
        string id, HttpContext http, IncidentStore store, IncidentCommands commands, DurableTaskClient durable, ContactPerson contact, NoticeContentScreen screen, CancellationToken ct)
    {
        var (r, errors) = await JsonBody.ReadAsync<Request>(http.Request, ct);
        if (r is not null)
        {
            Check(errors, r);
        }

        if (errors.Count > 0 || r is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The notice content is not valid.");
        }

        var (state, _) = await store.LoadAsync(id, ct);
        if (state.Status == IncidentStatus.None)
        {
            return TypedResults.NotFound(ProblemDetailsBody.NotFound(id));
        }

        var custom = r.Templates is { En: { } en, Fr: { } fr }
            ? new CustomTemplates(new(en.Subject!, en.Body!), new(fr.Subject!, fr.Body!))
            : null;
        var templates = NoticeTemplateSet.Of(custom);
        var submitted = new NoticeContentSubmitted(
            new LocalizedText(r.Summary!.En!.Trim(), r.Summary.Fr!.Trim()),
            new LocalizedList([.. r.StepsForPerson!.En!.Select(s => s.Trim())], [.. r.StepsForPerson.Fr!.Select(s => s.Trim())]),
            templates.Version) { EventId = WorkflowCalls.EventId(http.Request, "notice-content-submitted"), Templates = custom };
        var content = new NoticeContent(submitted.Summary, submitted.StepsForPerson, submitted.TemplateVersion) { Templates = custom };
        if (state.Status != IncidentStatus.Closed)
        {
            // Personal information typed into the text (issue 14) first, then what the templates would leave out.
            var personal = await screen.CheckAsync(state, content, ct);
            var found = NoticeContentScreen.Errors(personal);
            var sample = IncidentNoticeModel.For(state, content, contact, "en", "Samplegiven", "Samplefamily");
            var problems = NoticeTemplateChecker.Check(templates, IncidentDecider.PackOf(state), sample,
                IncidentNoticeModel.For(state, content, contact, "fr", "Samplegiven", "Samplefamily"));
            foreach (var group in problems.GroupBy(p => p is { Language: { } l, Part: { } part } ? $"templates.{l}.{part}" : p.Code))
            {
                found[group.Key] = [.. found.GetValueOrDefault(group.Key) ?? [], .. group.Select(p => p.Message)];
            }

            if (found.Count > 0)
            {
                return TypedResults.ValidationProblem(found, title: personal.Count > 0
                    ? "The notice content carries personal information; nothing was recorded."
                    : "The notices would not say everything they must; nothing was recorded.");
            }
        }

        return await commands.RunAsync(durable, id, submitted, http.User.ToActor(Roles.PrivacyOfficer), ct);
    }

    /// <summary>
    /// An approver approves the submitted content and its templates; they are pinned for the notices. The optional body
    /// <c>{"templateVersion"}</c> names the version the approver reviewed, so a newer submission is not approved unseen.
    /// Content written for the deployed templates is approved only while those are still the deployed ones.
    /// </summary>
    public static async Task<IncidentAnswer> Approve(
        string id, HttpContext http, IncidentStore store, IncidentCommands commands, DurableTaskClient durable, NoticeCompletion completion, CancellationToken ct)
    {
        string? reviewed = null;
        if (http.Request.ContentLength is > 0)
        {
            var (body, errors) = await JsonBody.ReadAsync<ApproveRequest>(http.Request, ct);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors, title: "The approval is not valid.");
            }

            reviewed = body?.TemplateVersion;
        }

        var submitted = (await store.LoadAsync(id, ct)).State.NoticeContent?.Submitted;
        var version = reviewed ?? (submitted?.Templates is not null ? submitted.TemplateVersion : NoticeTemplateSet.Default.Version);
        var approved = await commands.RunAsync(durable, id,
            new NoticeContentApproved(version) { EventId = WorkflowCalls.EventId(http.Request, "notice-content-approved") },
            http.User.ToActor(Roles.Approver), ct);

        // An import with nobody to email or write to is complete once its public notice is approved.
        return approved.Result is Ok<IncidentView> && await completion.RecordAsync(durable, id, Actor.Activity("approve-notice-content"), ct)
            ? TypedResults.Ok(IncidentView.From((await store.LoadAsync(id, ct)).State))
            : approved;
    }

    private static void Check(Dictionary<string, string[]> errors, Request r)
    {
        foreach (var (language, text) in new[] { ("en", r.Summary?.En), ("fr", r.Summary?.Fr) })
        {
            if (string.IsNullOrWhiteSpace(text) || text.Length > MaxSummaryLength)
            {
                errors[$"summary.{language}"] = [$"Describe what happened, in this language (at most {MaxSummaryLength} characters)."];
            }
        }

        foreach (var (language, steps) in new[] { ("en", r.StepsForPerson?.En), ("fr", r.StepsForPerson?.Fr) })
        {
            if (steps is not { Count: > 0 } || steps.Count > MaxSteps)
            {
                errors[$"stepsForPerson.{language}"] = [$"List 1 to {MaxSteps} steps a person can take, in this language."];
                continue;
            }

            for (var i = 0; i < steps.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(steps[i]) || steps[i].Length > MaxStepLength)
                {
                    errors[$"stepsForPerson.{language}[{i}]"] = [$"A step of 1 to {MaxStepLength} characters is required."];
                }
            }
        }

        if (r.StepsForPerson?.En is { Count: > 0 } en && r.StepsForPerson.Fr is { Count: > 0 } fr && en.Count != fr.Count)
        {
            errors["stepsForPerson"] = ["Give the same steps in English and French."];
        }

        if (r.Templates is not null)
        {
            foreach (var (language, template) in new[] { ("en", r.Templates.En), ("fr", r.Templates.Fr) })
            {
                if (string.IsNullOrWhiteSpace(template?.Subject) || template.Subject.Length > MaxSubjectTemplateLength)
                {
                    errors[$"templates.{language}.subject"] = [$"A subject template of 1 to {MaxSubjectTemplateLength} characters is required in this language."];
                }

                if (string.IsNullOrWhiteSpace(template?.Body) || template.Body.Length > MaxBodyTemplateLength)
                {
                    errors[$"templates.{language}.body"] = [$"A body template of 1 to {MaxBodyTemplateLength} characters is required in this language."];
                }
            }
        }
    }
}
