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
public sealed record LintSubject(
    string PersonId,
    string GivenName,
    string FamilyName,
    string? Email,
    string? PostalAddress,
    string Language,
    IReadOnlyList<PersonIdentifier> Identifiers,
    string? GuardianEmail = null,
    DateOnly? BirthDate = null)
{
    /// <summary>The values that identify this person to someone else: names, contacts and identifiers.</summary>
    public IEnumerable<string> IdentifyingValues()
    {
        if (!string.IsNullOrWhiteSpace(GivenName) && !string.IsNullOrWhiteSpace(FamilyName))
        {
            yield return GivenName + " " + FamilyName;
            yield return FamilyName + " " + GivenName;
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
