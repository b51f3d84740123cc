namespace Notifications.Domain.Recipients;

/// <summary>
/// Who a person's direct notice is addressed to and speaks to. A person with no email of their own whose row names a
/// guardian (a <c>guardian_email</c> or a <c>guardian_name</c>) is in that guardian's care: the notice goes to the
/// guardian's email (or, without one, as a letter to the postal address), is addressed to the guardian by name when the
/// file gives one (else to no name), and speaks of the information of the person in their care. Everyone else is
/// addressed themselves, by their own name. The notice's language is the row's <c>language</c> either way.
/// </summary>
/// <param name="IsGuardian">The notice speaks to the person's guardian, not to the person.</param>
/// <param name="Name">The name the notice and its address (the email's display name, the letter's address block) carry; null for none.</param>
public sealed record NoticeAddressee(bool IsGuardian, string? Name)
{
    /// <summary>The addressee of a row's notice.</summary>
    public static NoticeAddressee For(string? givenName, string? familyName, string? email, string? guardianEmail, string? guardianName)
    {
        if (string.IsNullOrWhiteSpace(email) && (!string.IsNullOrWhiteSpace(guardianEmail) || !string.IsNullOrWhiteSpace(guardianName)))
        {
            return new(true, string.IsNullOrWhiteSpace(guardianName) ? null : guardianName.Trim());
        }

        var own = $"{givenName} {familyName}".Trim();
        return new(false, own.Length == 0 ? null : own);
    }
}
