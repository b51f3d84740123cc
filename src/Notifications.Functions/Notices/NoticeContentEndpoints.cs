using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Domain.Incidents;
using Notifications.Domain.Policy;
using Notifications.Domain.Reports;
using Notifications.Functions.Access;
using Notifications.Functions.Hosting;
using Notifications.Functions.Incidents;
using Notifications.Infrastructure.Notices;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Notices;

/// <summary>
/// What the notices to individuals say: a privacy officer submits the summary and the steps a person can take (both
/// languages), checked against the deployed templates with the incident's facts; an approver approves (pins) it.
/// </summary>
public static class NoticeContentEndpoints
{
    public static readonly HttpFunction SubmitFunction = new("SubmitNoticeContent", "incidents/{id}/notices/content", ["POST"], AuthLevel.Function);
    public static readonly HttpFunction ApproveFunction = new("ApproveNoticeContent", "incidents/{id}/notices/approve", ["POST"], AuthLevel.Function);

    public const int MaxSummaryLength = 4000;
    public const int MaxSteps = 20;
    public const int MaxStepLength = 500;

    public sealed record Languages<T>(T? En, T? Fr);

    public sealed record Request(Languages<string>? Summary, Languages<List<string>>? StepsForPerson);

    public static IEndpointRouteBuilder MapNoticeContent(this IEndpointRouteBuilder app)
    {
        app.MapHttpFunction(SubmitFunction, Submit).RequireAuthorization(Policies.Officer);
        app.MapHttpFunction(ApproveFunction, Approve).RequireAuthorization(Policies.Approve);
        return app;
    }

    public static async Task<Results<Ok<IncidentView>, ValidationProblem, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Submit(
        string id, HttpContext http, IncidentStore store, WorkflowEngine engine, ContactPerson contact, CancellationToken ct)
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

        var templates = NoticeTemplateSet.Default;
        var submitted = new NoticeContentSubmitted(
            new LocalizedText(r.Summary!.En!.Trim(), r.Summary.Fr!.Trim()),
            new LocalizedList([.. r.StepsForPerson!.En!.Select(s => s.Trim())], [.. r.StepsForPerson.Fr!.Select(s => s.Trim())]),
            templates.Version) { EventId = WorkflowCalls.EventId(http.Request, "notice-content-submitted") };
        var content = new NoticeContent(submitted.Summary, submitted.StepsForPerson, submitted.TemplateVersion);
        if (state.Status != IncidentStatus.Closed)
        {
            var sample = IncidentNoticeModel.For(state, content, contact, "en", "Samplegiven", "Samplefamily");
            var problems = NoticeTemplateChecker.Check(templates, IncidentDecider.PackOf(state), sample,
                IncidentNoticeModel.For(state, content, contact, "fr", "Samplegiven", "Samplefamily"));
            if (problems.Count > 0)
            {
                return TypedResults.ValidationProblem(
                    problems.GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                    title: "The notices would not say everything they must; nothing was recorded.");
            }
        }

        return await WorkflowCalls.RunAsync(engine, id, submitted, http.User.ToActor(Roles.PrivacyOfficer), ct);
    }

    /// <summary>An approver approves the submitted content for the deployed template version; it is pinned for the notices.</summary>
    public static Task<Results<Ok<IncidentView>, ValidationProblem, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Approve(
        string id, HttpContext http, WorkflowEngine engine, CancellationToken ct) =>
        WorkflowCalls.RunAsync(engine, id,
            new NoticeContentApproved(NoticeTemplateSet.Default.Version) { EventId = WorkflowCalls.EventId(http.Request, "notice-content-approved") },
            http.User.ToActor(Roles.Approver), ct);

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
    }
}
