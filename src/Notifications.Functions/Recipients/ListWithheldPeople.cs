using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Domain.Incidents;
using Notifications.Domain.Recipients;
using Notifications.Functions.Access;
using Notifications.Functions.Incidents;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Recipients;

/// <summary>
/// <c>GET /api/incidents/{id}/recipients/withheld</c>: the people of the current import whose notice is withheld (the
/// safety exception), by person id and file line, with the reason recorded for each, for privacy officers and auditors.
/// The reason is recorded with the person at import (a withheld row needs one). After the contact-data purge the person id
/// and the reason are gone with the rest of the row's personal data; the line, the fact that a reason was recorded, and
/// when, remain. Records nothing, logs nothing.
/// </summary>
public sealed class ListWithheldPeople(IncidentStore store, RecipientStore recipients)
{
    [Function(nameof(ListWithheldPeople))]
    [Authorize(Policies.Oversight)]
    public Task<Results<Ok<WithheldPeople>, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/incidents/{id}/recipients/withheld")] HttpRequest request, string id,
        CancellationToken ct) =>
        Handle(id, store, recipients, ct);

    /// <param name="ReasonRecordedAt">When the reason was recorded: with the import.</param>
    /// <param name="PersonId">The person's id in the imported file; null once the contact data was purged.</param>
    /// <param name="Reason">The reason as recorded; null once the contact data was purged.</param>
    public sealed record WithheldPerson(long Line, string? PersonId, bool ReasonRecorded, DateTimeOffset ReasonRecordedAt, string? Reason);

    public sealed record WithheldPeople(string ImportId, DateTimeOffset ImportedAt, int Withheld, DateTimeOffset? ContactDataPurgedAt, IReadOnlyList<WithheldPerson> People);

    public static async Task<Results<Ok<WithheldPeople>, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Handle(
        string id, IncidentStore store, RecipientStore recipients, CancellationToken ct)
    {
        var (state, _) = await store.LoadAsync(id, ct);
        if (state.Status == IncidentStatus.None)
        {
            return TypedResults.NotFound(ProblemDetailsBody.NotFound(id));
        }

        var manifest = await recipients.GetManifestAsync(id, ct);
        if (manifest is null || state.Recipients is null)
        {
            return WorkflowCalls.Conflict("Nobody has been imported for this incident.");
        }

        var purged = state.ContactDataPurgedAt;
        var people = new List<WithheldPerson>();
        foreach (var batch in await recipients.ListBatchesAsync(id, ct))
        {
            foreach (var p in await recipients.ReadBatchAsync(batch, ct))
            {
                if (!p.Withhold && p.Channel != NoticeChannel.Withheld)
                {
                    continue;
                }

                // A withheld row is imported only with its reason; the purge removes the reason, not the decision.
                var reason = purged is null && !string.IsNullOrWhiteSpace(p.WithholdReason) ? p.WithholdReason : null;
                people.Add(new WithheldPerson(p.Line, purged is null ? p.PersonId : null, reason is not null || p.Withhold, manifest.ImportedAt, reason));
            }
        }

        return TypedResults.Ok(new WithheldPeople(manifest.ImportId, manifest.ImportedAt, people.Count, purged, people));
    }
}
