namespace Notifications.Domain.Recipients;

/// <summary>One validated row of a recipient file. Empty optional values are null; text is trimmed.</summary>
/// <param name="GuardianName">The name of the parent or guardian who gets the notice of a person in their care, if the file gives one.</param>
public sealed record RecipientRow(
    long Line,
    string PersonId,
    string GivenName,
    string FamilyName,
    string? Email,
    string? PostalAddress,
    string Language,
    string Jurisdiction,
    IReadOnlyList<PersonIdentifier> Identifiers,
    string? GuardianEmail,
    bool Withhold,
    string? WithholdReason,
    string? GuardianName = null)
{
    public NoticeChannel Channel => NoticeChannelRule.Decide(Email, GuardianEmail, PostalAddress, Withhold);
}

/// <summary>An identifier involved in the breach for this person, such as an application number or a client id.</summary>
public sealed record PersonIdentifier(string Kind, string Value)
{
    public override string ToString() => Kind + ":" + Value;
}
