namespace Notifications.Domain.Notices;

/// <summary>
/// Personal information found in text the privacy office wrote for the notices (<see cref="NoticeContentCheck"/>).
/// The message never carries the value in full (all but its first two characters masked).
/// </summary>
/// <param name="Field">Where: <c>summary.en</c>, <c>stepsForPerson.fr[1]</c>, <c>templates.en.subject</c>...</param>
/// <param name="Kind">One of <see cref="ContentFindingKinds"/>.</param>
/// <param name="Message">What was found, for the privacy officer.</param>
public sealed record ContentFinding(string Field, string Kind, string Message);

/// <summary>The kinds of <see cref="ContentFinding"/>.</summary>
public static class ContentFindingKinds
{
    /// <summary>A social insurance number: nine digits that pass the Luhn check, with or without spaces or dashes.</summary>
    public const string Sin = "sin";

    /// <summary>A full date written next to a birth word (born, DOB, date of birth, né le, date de naissance...).</summary>
    public const string BirthDate = "birth-date";

    /// <summary>A full date (day, month and year) long before the breach, which a notice has no reason to state but a birth date.</summary>
    public const string OldDate = "old-date";

    /// <summary>A number written after an identifier word: application, client, account, file or case number...</summary>
    public const string Identifier = "identifier";

    /// <summary>An email address other than the privacy office's own.</summary>
    public const string Email = "email";

    /// <summary>A phone number other than the privacy office's own (or a toll-free one).</summary>
    public const string Phone = "phone";

    /// <summary>The name, email, postal address, person id or identifier of a person of the current import.</summary>
    public const string ImportedPerson = "imported-person";
}
