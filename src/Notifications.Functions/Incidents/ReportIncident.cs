using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Domain.Incidents;
using Notifications.Functions.Access;
using Notifications.Functions.Hosting;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary><c>POST /api/incidents</c>: take a breach report, register it and start its clock.</summary>
public static class ReportIncident
{
    public static readonly HttpFunction Function = new("ReportIncident", "incidents", ["POST"], AuthLevel.Function);

    public sealed record Request(
        string? PublicBody,
        string? Title,
        string? Description,
        DateTimeOffset? Occurred,
        DateTimeOffset? Discovered,
        ReporterRequest? Reporter,
        bool? PhysicalHarmPossible);

    public sealed record ReporterRequest(string? Name, string? Email, string? Phone);

    public static async Task<Results<Created<IncidentView>, ValidationProblem, ProblemHttpResult>> Handle(
        HttpContext http, WorkflowEngine engine, TimeProvider clock, CancellationToken ct)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var (request, errors) = await JsonBody.ReadAsync<Request>(http.Request, ct);
        if (request is not null)
        {
            errors = Validate(request, clock.GetUtcNow());
        }

        if (key.Length > 128 || key.Any(char.IsControl))
        {
            errors["Idempotency-Key"] = ["Use at most 128 printable characters."];
        }

        if (errors.Count > 0 || request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The breach report is not valid.");
        }

        var actor = http.User.ToActor(Roles.PrivacyOfficer);
        var report = new IncidentReport(
            request.PublicBody!.Trim(), request.Title!.Trim(), request.Description!.Trim(), request.Occurred, request.Discovered!.Value,
            new ReporterContact(request.Reporter!.Name!.Trim(), request.Reporter.Email!.Trim(), request.Reporter.Phone?.Trim()),
            request.PhysicalHarmPossible!.Value);
        var hash = Hash(JsonSerializer.Serialize(report, WorkflowJson.Options));
        var id = key.Length > 0 ? "inc-" + Hash(actor.Id + "\n" + key)[..24] : "inc-" + Guid.NewGuid().ToString("N")[..24];

        var result = await engine.HandleAsync(id, new IncidentReported(report, hash) { EventId = "reported" }, actor, ct);
        if (result.Outcome == HandleOutcome.Duplicate && result.State.RequestHash != hash)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was already used for a different breach report.");
        }

        return TypedResults.Created($"/api/incidents/{id}", IncidentView.From(result.State));
    }

    public static Dictionary<string, string[]> Validate(Request r, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "publicBody", r.PublicBody, 200);
        Text(errors, "title", r.Title, 200);
        Text(errors, "description", r.Description, 4000);
        if (r.Discovered is not { } discovered)
        {
            errors["discovered"] = ["When the breach was discovered is required."];
        }
        else if (discovered > now.AddMinutes(5))
        {
            errors["discovered"] = ["The discovery time is in the future."];
        }
        else if (r.Occurred is { } occurred && occurred > discovered)
        {
            errors["occurred"] = ["The breach cannot have occurred after it was discovered."];
        }

        if (r.Reporter is null)
        {
            errors["reporter"] = ["The reporter's contact is required."];
        }
        else
        {
            Text(errors, "reporter.name", r.Reporter.Name, 200);
            if (string.IsNullOrWhiteSpace(r.Reporter.Email) || !MailAddress.TryCreate(r.Reporter.Email.Trim(), out var email)
                || email.Address != r.Reporter.Email.Trim())
            {
                errors["reporter.email"] = ["A valid email address is required."];
            }

            if (r.Reporter.Phone is { Length: > 50 })
            {
                errors["reporter.phone"] = ["Use at most 50 characters."];
            }
        }

        if (r.PhysicalHarmPossible is null)
        {
            errors["physicalHarmPossible"] = ["Say whether physical harm is possible (true or false)."];
        }

        return errors;
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["This field is required."];
        }
        else if (value.Length > max)
        {
            errors[field] = [$"Use at most {max} characters."];
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
