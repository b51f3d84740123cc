using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Recipients;

namespace Notifications.TestKit.FanOut;

/// <summary>
/// A simple real <see cref="INoticeSource"/>: "Bonjour {given}" in French, "Hello {given}" otherwise, mentioning only
/// that person. People whose id is in <see cref="BlockedPersonIds"/> are blocked as a notice linter would block them.
/// </summary>
public sealed class GreetingNoticeSource : INoticeSource
{
    public const string BlockCode = "echoes-identifier";

    public HashSet<string> BlockedPersonIds { get; } = new(StringComparer.Ordinal);

    public Task<NoticeOutcome> ForAsync(string incidentId, string runId, StoredRecipient person, CancellationToken ct)
    {
        if (BlockedPersonIds.Contains(person.PersonId))
        {
            return Task.FromResult<NoticeOutcome>(new NoticeOutcome.Blocked(BlockCode, "The notice repeats one of the person's identifiers."));
        }

        var french = person.Language == "fr";
        var subject = french ? $"Avis d'atteinte à la vie privée ({incidentId})" : $"Privacy breach notice ({incidentId})";
        var body = french
            ? $"Bonjour {person.GivenName},\n\nVos renseignements personnels ont été touchés par l'incident {incidentId}.\n"
            : $"Hello {person.GivenName},\n\nYour personal information was affected by incident {incidentId}.\n";
        return Task.FromResult<NoticeOutcome>(new NoticeOutcome.Ready(subject, body, french ? "fr" : "en"));
    }
}
