using Notifications.Domain.Recipients;

namespace Notifications.Domain.Notices;

/// <summary>The person a notice is for, as the linter needs them: everything the notice must not echo.</summary>
/// <param name="PersonId">The body's id for the person.</param>
/// <param name="GivenName">Given name (allowed in the greeting).</param>
/// <param name="FamilyName">Family name (allowed in the greeting).</param>
/// <param name="Email">The person's email, if any.</param>
/// <param name="PostalAddress">The person's postal address, if any.</param>
/// <param name="Language">The person's official language ("en" or "fr").</param>
/// <param name="Identifiers">Identifiers involved in the breach (application number, client id...).</param>
/// <param name="GuardianEmail">A guardian's email, for a minor.</param>
/// <param name="BirthDate">Birth date, when the body supplies it.</param>
/// <param name="GuardianName">The guardian's name, for a person in a guardian's care (allowed in the greeting of their notice).</param>
/// <param name="ToGuardian">The notice goes to the guardian (<see cref="NoticeAddressee"/>), so it must speak to them.</param>
public sealed record LintSubject(
    string PersonId,
    string GivenName,
    string FamilyName,
    string? Email,
    string? PostalAddress,
    string Language,
    IReadOnlyList<PersonIdentifier> Identifiers,
    string? GuardianEmail = null,
    DateOnly? BirthDate = null,
    string? GuardianName = null,
    bool ToGuardian = false)
{
    /// <summary>The values that identify this person to someone else: names (theirs and their guardian's), contacts and identifiers.</summary>
    public IEnumerable<string> IdentifyingValues()
    {
        if (!string.IsNullOrWhiteSpace(GivenName) && !string.IsNullOrWhiteSpace(FamilyName))
        {
            yield return GivenName + " " + FamilyName;
            yield return FamilyName + " " + GivenName;
        }

        // A guardian's name counts when it is a full name (two words or more), like "Given Family": one word blocks too much.
        if (GuardianName is { } guardian && NoticeText.Tokens(guardian).Count >= 2)
        {
            yield return guardian;
        }

        foreach (var value in new[] { PersonId, Email, GuardianEmail, PostalAddress }.Concat(Identifiers.Select(i => i.Value)))
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                yield return value;
            }
        }
    }
}
