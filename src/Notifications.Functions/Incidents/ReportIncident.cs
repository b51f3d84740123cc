using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Notifications.Domain.Breach;
using Notifications.Domain.Incidents;
using Notifications.Domain.Policy;
using Notifications.Functions.Access;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary><c>POST /api/incidents</c>: take a breach report, register it, plan containment, assess it and start its clock.</summary>
public sealed class ReportIncident(IncidentCommands commands, IncidentStore store, PolicySelection policy, TimeProvider clock)
{
    [Function(nameof(ReportIncident))]
    [Authorize(Policies.Officer)]
    public Task<Results<Created<IncidentView>, Accepted<EventStatus>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Handle(request.HttpContext, commands, durable, store, policy, clock, ct);

    /// <summary>The facts every report must state (see <see cref="BreachFacts"/>); <c>determined</c> may follow later.</summary>
    public static readonly string[] RequiredFacts =
        ["publicBodies", "occurred", "discovered", "cause", "personalInformation", "affected", "recipients", "containment", "physicalHarmPossible"];

    /// <summary>The report's text fields; the facts sit beside them at the top level of the same JSON object.</summary>
    public sealed record Request(string? Title, string? Description, ReporterRequest? Reporter);

    public sealed record ReporterRequest(string? Name, string? Email, string? Phone);

    public static async Task<Results<Created<IncidentView>, Accepted<EventStatus>, ValidationProblem, ProblemHttpResult>> Handle(
        HttpContext http, IncidentCommands commands, DurableTaskClient durable, IncidentStore store, PolicySelection policy, TimeProvider clock,
        CancellationToken ct)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var (node, errors) = await JsonBody.ReadObjectAsync(http.Request, ct);
        IncidentReport? report = null;
        if (node is not null)
        {
            (report, errors) = Validate(node, clock.GetUtcNow(), policy.Current);
        }

        if (errors.Count > 0 || report is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The breach report is not valid.");
        }

        var actor = http.User.ToActor(Roles.PrivacyOfficer);
        var hash = Hash(JsonSerializer.Serialize(report, WorkflowJson.Options));
        var id = key.Length > 0 ? "inc-" + Hash(actor.Id + "\n" + key)[..24] : "inc-" + Guid.NewGuid().ToString("N")[..24];
        var reported = new IncidentReported(report, hash, policy.Current.Id, policy.Current.Version) { EventId = "reported" };

        var outcome = await commands.DecideAsync(durable, id, reported, actor, ct);
        if (outcome.Event is IncidentReported first && first.RequestHash != hash)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was already used for a different breach report.");
        }

        return outcome.Outcome == EventOutcome.Pending
            ? TypedResults.Accepted(GetEventOutcome.Location(id, reported.EventId), EventStatus.From(outcome))
            : TypedResults.Created($"/api/incidents/{id}", IncidentView.From((await store.LoadAsync(id, ct)).State));
    }

    public static (IncidentReport? Report, Dictionary<string, string[]> Errors) Validate(JsonObject node, DateTimeOffset now, PolicyPack pack)
    {
        var errors = new Dictionary<string, string[]>();
        JsonBody.RequireFields(node, errors, RequiredFacts);
        var (request, requestErrors) = JsonBody.Bind<Request>(node);
        var (facts, factErrors) = errors.Count == 0 ? JsonBody.Bind<BreachFacts>(node) : (null, []);
        foreach (var (field, messages) in requestErrors.Concat(factErrors))
        {
            errors[field] = messages;
        }

        if (request is not null)
        {
            ValidateText(request, errors);
        }

        if (facts is not null)
        {
            foreach (var (field, messages) in facts.Validate(now, pack))
            {
                errors[field] = messages;
            }
        }

        if (errors.Count > 0 || request is null || facts is null)
        {
            return (null, errors);
        }

        var reporter = new ReporterContact(request.Reporter!.Name!.Trim(), request.Reporter.Email!.Trim(), request.Reporter.Phone?.Trim());
        return (new IncidentReport(request.Title!.Trim(), request.Description!.Trim(), reporter, facts), errors);
    }

    private static void ValidateText(Request r, Dictionary<string, string[]> errors)
    {
        FieldChecks.Text(errors, "title", r.Title, 200);
        FieldChecks.Text(errors, "description", r.Description, 4000, multiline: true);
        if (r.Reporter is null)
        {
            errors["reporter"] = ["The reporter's contact is required."];
            return;
        }

        FieldChecks.Text(errors, "reporter.name", r.Reporter.Name, 200);
        if (string.IsNullOrWhiteSpace(r.Reporter.Email) || !MailAddress.TryCreate(r.Reporter.Email.Trim(), out var email)
            || email.Address != r.Reporter.Email.Trim())
        {
            errors["reporter.email"] = ["A valid email address is required."];
        }

        if (r.Reporter.Phone is { Length: > 50 })
        {
            errors["reporter.phone"] = ["Use at most 50 characters."];
        }
        else
        {
            FieldChecks.SafeText(errors, "reporter.phone", r.Reporter.Phone);
        }
    }


    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
