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
/// <c>POST /api/incidents/{id}/letters/returned</c>: a privacy officer records letters that came back undelivered, by
/// the <c>PersonId</c> of the letters file (the imported <c>person_id</c>), with an optional reason code. Each person's
/// row moves to <c>returned</c> and indirect notice (<see cref="ReturnedLetterRecorder"/>); the history records
/// <see cref="LettersReturned"/> (counts only, the officer as actor); the notice counts follow: completion counts them
/// as indirect, and completed notices are revised (<see cref="NoticeCountsRevised"/>), so the Commissioner's report draft
/// follows. All or nothing: one id that is not a letter person of the current import answers 400 and nothing is stored.
/// A repeated request changes nothing.
/// </summary>
public sealed class RecordReturnedLetters(
    IncidentStore store, RecipientStore recipients, ReturnedLetterRecorder recorder, IncidentCommands commands, NoticeCompletion completion, ILoggerFactory loggers)
{
    [Function(nameof(RecordReturnedLetters))]
    [Authorize(Policies.Officer)]
    public Task<Results<Ok<Response>, ValidationProblem, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/incidents/{id}/letters/returned")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Handle(id, request.HttpContext, store, recipients, recorder, commands, durable, completion, loggers, ct);

    /// <summary>People per request; the body limit (<see cref="JsonBody.MaxBytes"/>) allows about this many ids of usual length.</summary>
    public const int MaxPeople = 2000;

    public const string DefaultReason = "returnedToSender";

    /// <summary>Why a letter came back, as the postal service marks it.</summary>
    public static readonly IReadOnlyList<string> Reasons = [DefaultReason, "addressUnknown", "moved"];

    public sealed record Request(List<string?>? PersonIds, string? Reason);

    /// <param name="Returned">Letters recorded as returned by this request.</param>
    /// <param name="AlreadyReturned">Named letters that were already recorded as returned.</param>
    /// <param name="TotalReturned">Letters of the current import recorded as returned in all.</param>
    public sealed record Response(int Returned, int AlreadyReturned, int TotalReturned, NoticeCounts? Notices);

    public static async Task<Results<Ok<Response>, ValidationProblem, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Handle(
        string id, HttpContext http, IncidentStore store, RecipientStore recipients, ReturnedLetterRecorder recorder, IncidentCommands commands, DurableTaskClient durable,
        NoticeCompletion completion, ILoggerFactory loggers, CancellationToken ct)
    {
        var (r, errors) = await JsonBody.ReadAsync<Request>(http.Request, ct);
        var personIds = r is null ? [] : Validate(r, errors);
        if (errors.Count > 0 || r is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The returned letters are not valid; nothing was recorded.");
        }

        var (state, _) = await store.LoadAsync(id, ct);
        if (state.Status == IncidentStatus.None)
        {
            return TypedResults.NotFound(ProblemDetailsBody.NotFound(id));
        }

        if (Refusal(state) is { } refusal)
        {
            return WorkflowCalls.Conflict(refusal);
        }

        var importId = state.Recipients!.ImportId;
        if ((await recipients.GetManifestAsync(id, ct))?.ImportId != importId)
        {
            return WorkflowCalls.Conflict("A new list of affected people is being imported; try again in a moment.");
        }

        var reason = r.Reason ?? DefaultReason;
        var result = await recorder.ReturnAsync(id, importId, personIds, reason, ct);
        if (result.NotLetterPeople.Count > 0)
        {
            return TypedResults.ValidationProblem(
                result.NotLetterPeople.ToDictionary(i => $"personIds[{i}]", _ => new[] { "Not a person of the current import notified by letter." }),
                title: "Some ids are not letter people of the current import; nothing was recorded.");
        }

        if (result.Purged)
        {
            return WorkflowCalls.Conflict(IncidentDecider.ContactDataWasPurged);
        }

        var actor = http.User.ToActor(Roles.PrivacyOfficer);
        var returned = new LettersReturned(importId, result.Total, reason) { EventId = $"letters-returned:{importId}:{result.Total}" };
        var recorded = await commands.RunAsync(durable, id, returned, actor, ct);
        switch (recorded.Result)
        {
            case NotFound<ProblemDetailsBody> gone:
                return gone;
            case ProblemHttpResult problem:
                return problem;
            case ValidationProblem validation:
                return validation;
        }

        LettersLog.Returned(loggers.CreateLogger(LettersLog.Category), id, result.Marked, result.AlreadyReturned, result.Total);

        // Completion, if it is recorded (or being recorded by the fan-out's last batch), follows the new counts.
        await completion.ReviseAsync(durable, id, actor, ct);
        var (now, _) = await store.LoadAsync(id, ct);
        return TypedResults.Ok(new Response(result.Marked, result.AlreadyReturned, result.Total, now.Notices));
    }

    /// <summary>Why returned letters cannot be recorded now, or null: they need the contact data, an import and its letters export.</summary>
    public static string? Refusal(IncidentState state) => state switch
    {
        { ContactDataPurgedAt: not null } => IncidentDecider.ContactDataWasPurged,
        { Status: not (IncidentStatus.Notifying or IncidentStatus.Closed) } => "Letters go out only once significant harm is confirmed.",
        { Recipients: null } => "Import the affected people first.",
        _ when NoticeCompletion.CurrentLettersExport(state) is null =>
            "No letters export of the current import is recorded, so no letter can have come back; export the letters first.",
        _ => null,
    };

    /// <summary>The ids, trimmed and in request order; errors by field (<c>personIds[3]</c>) for a missing, blank or overlong one.</summary>
    private static List<string> Validate(Request r, Dictionary<string, string[]> errors)
    {
        if (r.PersonIds is not { Count: > 0 } ids)
        {
            errors["personIds"] = ["List the PersonId of each returned letter (at least one)."];
            return [];
        }

        if (ids.Count > MaxPeople)
        {
            errors["personIds"] = [$"At most {MaxPeople} letters per request."];
            return [];
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ids[i]) || ids[i]!.Trim().Length > RecipientColumns.MaxLength[RecipientColumns.PersonId])
            {
                errors[$"personIds[{i}]"] = [$"A PersonId of the letters file is required (at most {RecipientColumns.MaxLength[RecipientColumns.PersonId]} characters)."];
            }
        }

        if (r.Reason is not null && !Reasons.Contains(r.Reason, StringComparer.Ordinal))
        {
            errors["reason"] = [$"One of: {string.Join(", ", Reasons)} ({DefaultReason} when left out)."];
        }

        return ids.Select(i => i?.Trim() ?? "").ToList();
    }

}
