using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Notifications.Domain.Incidents;
using Notifications.Domain.Recipients;
using Notifications.Functions.Access;
using Notifications.Functions.Incidents;
using Notifications.Functions.Notices;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Letters;

/// <summary>
/// Letters for the people with a postal address and no email. <c>GET /api/incidents/{id}/letters</c> exports them as one
/// file (<c>?format=csv</c>, the default, for mail merge; <c>?format=html</c> to print), records
/// <see cref="LettersExported"/> with the counts and the file's SHA-256, and then tries to complete the notices.
/// <c>GET …/letters/blocked</c> lists the letters the linter blocks (line and code only).
/// <para>
/// The file is written to a temporary file first (deleted on close), batch by batch, so memory holds one batch at a
/// time; only once it is complete are its hash and counts recorded and the file sent, with the counts and hash in
/// headers. A failure half-way sends nothing and records nothing. The event id comes from the import and the hash, so
/// exporting the same file again records it once. Once the notices are complete the letters can still be exported
/// again (a lost file, the printable version) until the contact data is purged: each re-export is recorded as
/// <see cref="LettersReexported"/> with the file's hash, and the completion is not touched.
/// </para>
/// </summary>
public sealed class LettersEndpoints(
    IncidentStore store, LetterExporter exporter, IncidentCommands commands, NoticeCompletion completion, NoticeContentScreen screen, ILoggerFactory loggers)
{
    [Function("ExportLetters")]
    [Authorize(Policies.Officer)]
    public Task<Results<FileStreamHttpResult, ValidationProblem, NotFound<ProblemDetailsBody>, ProblemHttpResult>> RunExport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/incidents/{id}/letters")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Export(id, request.Query.TryGetValue("format", out var format) ? format.ToString() : null, request.HttpContext, store, exporter, commands, durable,
            completion, screen, loggers, ct);

    [Function("GetBlockedLetters")]
    [Authorize(Policies.Officer)]
    public Task<Results<Ok<BlockedLetters>, NotFound<ProblemDetailsBody>, ProblemHttpResult>> RunBlocked(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/incidents/{id}/letters/blocked")] HttpRequest request, string id, CancellationToken ct) =>
        Blocked(id, store, exporter, screen, ct);

    public const string CountHeader = "X-Letters-Count";
    public const string BlockedHeader = "X-Letters-Blocked";
    public const string Sha256Header = "X-Letters-Sha256";

    public sealed record BlockedLetters(int Letters, int Blocked, IReadOnlyList<BlockedLetter> People);

    public static string EventIdFor(string importId, string sha256) => $"letters-exported:{importId}:{sha256}";

    public static async Task<Results<FileStreamHttpResult, ValidationProblem, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Export(
        string id, string? format, HttpContext http, IncidentStore store, LetterExporter exporter, IncidentCommands commands, DurableTaskClient durable,
        NoticeCompletion completion, NoticeContentScreen screen, ILoggerFactory loggers, CancellationToken ct)
    {
        var letterFormat = LetterFormat.Find(format);
        if (letterFormat is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["format"] = [$"Use {string.Join(" or ", LetterFormat.All.Select(f => f.Name))} (csv is the default)."] },
                title: "The format is not known.");
        }

        var check = await ReadyAsync(id, store, exporter, screen, ct);
        if (check.NotFound is { } notFound)
        {
            return notFound;
        }

        if (check.Conflict is { } conflict)
        {
            return conflict;
        }

        var (state, batches) = (check.State!, check.Batches!);

        var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            LetterTally tally;
            await using (var writer = letterFormat.Open(file))
            {
                tally = await exporter.RunAsync(state, batches, writer, ct);
            }

            file.Position = 0;
            var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
            file.Position = 0;

            var importId = state.Recipients!.ImportId;
            var reexport = state.NoticesCompletedAt is not null;
            IncidentEvent exported = reexport
                // Once the notices are complete: another copy, recorded each time (a retried request with its Idempotency-Key once).
                ? new LettersReexported(importId, letterFormat.Name, tally.Letters, tally.Blocked.Count, sha256)
                {
                    EventId = WorkflowCalls.EventId(http.Request, $"letters-reexported:{importId}:{sha256}"),
                }
                : new LettersExported(importId, letterFormat.Name, tally.Letters, tally.Blocked.Count, sha256)
                {
                    EventId = EventIdFor(importId, sha256),
                    BlockedByCode = tally.BlockedByCode,
                    Returned = tally.Returned,
                };
            var recorded = await commands.RunAsync(durable, id, exported, http.User.ToActor(Roles.PrivacyOfficer), ct);
            switch (recorded.Result)
            {
                case NotFound<ProblemDetailsBody> gone:
                    await file.DisposeAsync();
                    return gone;
                case ProblemHttpResult problem:
                    await file.DisposeAsync();
                    return problem;
                case ValidationProblem validation:
                    await file.DisposeAsync();
                    return validation;
            }

            LettersLog.Exported(loggers.CreateLogger(LettersLog.Category), id, letterFormat.Name, tally.Letters, tally.Blocked.Count, sha256);

            if (!reexport)
            {
                // The fan-out may have finished first and held completion for these letters.
                await completion.RecordAsync(durable, id, Actor.Activity("export-letters"), ct);
            }

            var headers = http.Response.Headers;
            headers[CountHeader] = tally.Letters.ToString(CultureInfo.InvariantCulture);
            headers[BlockedHeader] = tally.Blocked.Count.ToString(CultureInfo.InvariantCulture);
            headers[Sha256Header] = sha256;
            headers.CacheControl = "no-store";
            return TypedResults.File(file, letterFormat.ContentType, letterFormat.FileName(id));
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>The letters the linter blocks now, by the person's line in the imported file and the finding code. Records nothing.</summary>
    public static async Task<Results<Ok<BlockedLetters>, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Blocked(
        string id, IncidentStore store, LetterExporter exporter, NoticeContentScreen screen, CancellationToken ct)
    {
        var check = await ReadyAsync(id, store, exporter, screen, ct);
        if (check.NotFound is { } notFound)
        {
            return notFound;
        }

        if (check.Conflict is { } conflict)
        {
            return conflict;
        }

        var (state, batches) = (check.State!, check.Batches!);

        var tally = await exporter.RunAsync(state, batches, writer: null, ct);
        return TypedResults.Ok(new BlockedLetters(tally.Letters, tally.Blocked.Count, tally.Blocked));
    }

    /// <summary>
    /// The state and the batches of its import when letters can be exported now: the notices' own rules (notifying, not
    /// complete, imported, content approved for the deployed templates and not held) and someone to write to. Approved
    /// text with an identifier in it (stored before the check existed) is refused too; the linter guards each letter
    /// against the people of the import.
    /// </summary>
    private static async Task<Readiness> ReadyAsync(string id, IncidentStore store, LetterExporter exporter, NoticeContentScreen screen, CancellationToken ct)
    {
        var (state, _) = await store.LoadAsync(id, ct);
        if (state.Status == IncidentStatus.None)
        {
            return new(NotFound: TypedResults.NotFound(ProblemDetailsBody.NotFound(id)));
        }

        var refusal = NotificationEndpoints.Refusal(state.NoticesCompletedAt is null
            ? state
            // Once the notices are complete the letters can be made again (the same rules otherwise), until the purge.
            : state with { NoticesCompletedAt = null, Status = IncidentStatus.Notifying });
        if (refusal is null && state.Recipients!.Counts.ByChannel.GetValueOrDefault(NoticeChannel.Letter) == 0)
        {
            refusal = "Nobody in the current import is to be notified by letter (a postal address and no email).";
        }

        if (refusal is null && screen.CheckText(state, state.NoticeContent!.Approved!) is { Count: > 0 } found)
        {
            refusal = NoticeContentScreen.Reason(NoticeContentTargets.Approved,
                found.Select(f => new NoticeContentFinding(NoticeContentTargets.Approved, f.Field, f.Kind)));
        }

        if (refusal is not null)
        {
            return new(Conflict: WorkflowCalls.Conflict(refusal));
        }

        var batches = await exporter.BatchesAsync(state, ct);
        return batches is null
            ? new(Conflict: WorkflowCalls.Conflict("A new list of affected people is being imported; try again in a moment."))
            : new(state, batches);
    }

    private sealed record Readiness(
        IncidentState? State = null, IReadOnlyList<RecipientBatch>? Batches = null,
        NotFound<ProblemDetailsBody>? NotFound = null, ProblemHttpResult? Conflict = null);

}
