using Notifications.Domain.Notices;
using Notifications.Infrastructure.Recipients;

namespace Notifications.Infrastructure.Notices;

/// <summary>How stored recipients feed the notice linter.</summary>
public static class RecipientLinting
{
    /// <summary>The person as the linter sees them (everything their notice must not echo).</summary>
    public static LintSubject ToLintSubject(this StoredRecipient recipient) =>
        new(recipient.PersonId, recipient.GivenName, recipient.FamilyName, recipient.Email, recipient.PostalAddress,
            recipient.Language, recipient.Identifiers, recipient.GuardianEmail, GuardianName: recipient.GuardianName,
            ToGuardian: recipient.Addressee.IsGuardian);

    /// <summary>
    /// The hashed index of everyone's names, contacts and identifiers for one incident. Stream the incident's recipients
    /// through it once per worker (it keeps hashes only) and lint every notice of every batch against it; each person's
    /// own values are excluded at lint time.
    /// </summary>
    public static OtherPeopleIndex ToOtherPeopleIndex(this IEnumerable<StoredRecipient> recipients, ReadOnlySpan<byte> salt = default) =>
        new(recipients.Select(ToLintSubject), salt);
}
