using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Net.Http.Headers;
using Notifications.Domain.Incidents;
using Notifications.Functions.Access;
using Notifications.Functions.Incidents;
using Notifications.Functions.Notices;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Recipients;

/// <summary>
/// <c>POST /api/incidents/{id}/recipients</c>: the affected people, as CSV, streamed row by row. Either a
/// <c>text/csv</c> body, or <c>multipart/form-data</c> with a <c>systemOfRecord</c> part (person_id,email) first and a
/// <c>recipients</c> part after it, so every row's email is checked against the body's system of record. A file with
/// any error imports nothing and answers 400 with each error's line and column.
/// </summary>
public sealed class ImportRecipients(
    IncidentStore store, RecipientImporter importer, ContactDataPurger purger, IncidentCommands commands, NoticeCompletion completion, NoticeContentScreen screen)
{
    [Function(nameof(ImportRecipients))]
    [Authorize(Policies.Officer)]
    public Task<Results<Ok<ImportManifest>, ValidationProblem, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/recipients")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Handle(id, request.HttpContext, store, importer, purger, commands, durable, completion, screen, ct);

    /// <summary>Large lists: a few hundred thousand rows (about 150 bytes each).</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    public static async Task<Results<Ok<ImportManifest>, ValidationProblem, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Handle(
        string id, HttpContext http, IncidentStore store, RecipientImporter importer, ContactDataPurger purger, IncidentCommands commands, DurableTaskClient durable,
        NoticeCompletion completion, NoticeContentScreen screen, CancellationToken ct)
    {
        var (state, _) = await store.LoadAsync(id, ct);
        if (state.Status == IncidentStatus.None)
        {
            return TypedResults.NotFound(ProblemDetailsBody.NotFound(id));
        }

        if (state.Status == IncidentStatus.Closed || state.ContactDataPurgedAt is not null)
        {
            return WorkflowCalls.Conflict(state.ContactDataPurgedAt is not null ? IncidentDecider.ContactDataWasPurged : "The incident is closed.");
        }

        var request = http.Request;
        ImportResult result;
        if (MultipartBody.IsMultipart(request))
        {
            var (imported, formatErrors) = await ImportMultipartAsync(id, request, importer, ct);
            if (formatErrors.Count > 0 || imported is null)
            {
                return TypedResults.ValidationProblem(
                    formatErrors.Count > 0
                        ? formatErrors
                        : new Dictionary<string, string[]> { ["recipients"] = ["Send a 'recipients' part, after the optional 'systemOfRecord' part."] },
                    title: "The upload is not valid; nothing was imported.");
            }

            result = imported;
        }
        else if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            result = await importer.ImportAsync(id, request.Body, null, ct);
        }
        else
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send text/csv, or multipart/form-data with 'systemOfRecord' and 'recipients' parts.");
        }

        if (!result.Succeeded)
        {
            var errors = result.Errors
                .GroupBy(e => $"{e.File}:line {e.Line}" + (e.Column is null ? "" : $":{e.Column}"))
                .ToDictionary(g => g.Key, g => g.Select(e => $"{e.Code}: {e.Message}").ToArray());
            return TypedResults.ValidationProblem(errors, title: "The file has errors; nothing was imported.",
                extensions: new Dictionary<string, object?> { ["errorsNotShown"] = result.ErrorsNotShown });
        }

        // The notice content (submitted, approved, and a run's pinned text) against the people just imported: any finding
        // is recorded with the import as a hold, and a run whose text names one of them is halted now.
        var manifest = result.Manifest!;
        var findings = await screen.RecheckAsync((await store.LoadAsync(id, ct)).State, ct);
        var recorded = new RecipientsImported(manifest.ImportId, manifest.Counts, manifest.SystemOfRecordChecked)
        {
            EventId = $"recipients-imported:{manifest.ImportId}",
            NoticeContentFindings = findings,
        };
        var outcome = await commands.DecideAsync(durable, id, recorded, http.User.ToActor(Roles.PrivacyOfficer), ct);
        if (outcome.Outcome is EventOutcome.Rejected or EventOutcome.NotFound)
        {
            // Closed, or the contact data purged, while the file was read: rows imported after a purge are purged as well.
            if ((await store.LoadAsync(id, ct)).State.ContactDataPurgedAt is not null)
            {
                await purger.PurgeAsync(id, ct);
            }

            return WorkflowCalls.Conflict(outcome.Detail ?? "Not allowed now.");
        }

        // Nobody to email or write to, and the public notice already approved: the notices are complete now.
        await completion.RecordAsync(durable, id, Actor.Activity("import-recipients"), ct);
        return TypedResults.Ok(manifest);
    }

    /// <summary>Streams the parts in order; the system of record is small (id and email) and is spooled to a temp file.</summary>
    private static async Task<(ImportResult? Result, Dictionary<string, string[]> Errors)> ImportMultipartAsync(
        string id, HttpRequest request, RecipientImporter importer, CancellationToken ct)
    {
        await using var systemOfRecord = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        var hasSystemOfRecord = false;
        ImportResult? result = null;
        var errors = await MultipartBody.ReadAsync(request, async (name, body) =>
        {
            if (name == "systemOfRecord" && !hasSystemOfRecord)
            {
                await body.CopyToAsync(systemOfRecord, ct);
                systemOfRecord.Position = 0;
                hasSystemOfRecord = true;
                return true;
            }

            if (name == "recipients")
            {
                result = await importer.ImportAsync(id, body, hasSystemOfRecord ? systemOfRecord : null, ct);
                return false;
            }

            return true;
        }, ct);
        return (errors.Count > 0 ? null : result, errors);
    }
}
