using Notifications.Domain.Incidents;
using Notifications.Domain.Recipients;
using Notifications.Functions.Notices;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Recipients;

namespace Notifications.Functions.Letters;

/// <summary>
/// Goes through the letter people of an incident's import batch by batch (one recipients partition, at most 100
/// people, in memory at a time): each person with the <see cref="NoticeChannel.Letter"/> channel gets the notice the
/// fan-out would email them, rendered from the given state and linted against everyone else of the import. A letter
/// the linter blocks is not written; its line and finding code are tallied. A letter person whose letter already came back
/// (status <c>returned</c>, now indirect) gets none and is counted. Logs nothing: the caller logs the counts.
/// </summary>
public sealed class LetterExporter(RecipientStore recipients, IncidentNoticeSource notices)
{
    /// <summary>
    /// The batches of the state's import, or null when the committed import is another one (a new import is being
    /// recorded): the letters must come from the import the history knows.
    /// </summary>
    public async Task<IReadOnlyList<RecipientBatch>?> BatchesAsync(IncidentState state, CancellationToken ct)
    {
        var batches = await recipients.ListBatchesAsync(state.IncidentId, ct);
        return batches.Count > 0 && batches.All(b => b.ImportId == state.Recipients?.ImportId) ? batches : null;
    }

    /// <summary>Writes every letter that passes the linter to <paramref name="writer"/> (or only tallies, without one).</summary>
    public async Task<LetterTally> RunAsync(IncidentState state, IReadOnlyList<RecipientBatch> batches, ILetterWriter? writer, CancellationToken ct)
    {
        var tally = new LetterTally();
        if (writer is not null)
        {
            await writer.BeginAsync(ct);
        }

        foreach (var batch in batches)
        {
            foreach (var person in await recipients.ReadBatchAsync(batch, ct))
            {
                if (person.Channel != NoticeChannel.Letter)
                {
                    if (person.Status == RecipientStatus.Returned)
                    {
                        tally.Return(); // their letter came back: indirect notice now, no second letter
                    }

                    continue;
                }

                switch (await notices.ForAsync(state, person, ct))
                {
                    case NoticeOutcome.Ready ready:
                        if (writer is not null)
                        {
                            await writer.WriteAsync(new Letter(person.PersonId, ready.Language, person.GivenName, person.FamilyName,
                                person.PostalAddress ?? "", ready.Subject, ready.Body, person.Addressee.Name ?? ""), ct);
                        }

                        tally.Written();
                        break;
                    case NoticeOutcome.Blocked blocked:
                        tally.Block(person.Line, blocked.Code);
                        break;
                }
            }
        }

        if (writer is not null)
        {
            await writer.EndAsync(ct);
        }

        return tally;
    }
}
