using Notifications.Domain.Reports;

namespace Notifications.Domain.Notices;

/// <summary>
/// Everything a notice template may reference: incident-level text in one language plus the person's own given and
/// family name. It deliberately has no identifiers, email or postal address, so a template cannot echo them.
/// </summary>
/// <param name="PublicBodies">Every public body with custody or control of the information.</param>
/// <param name="BreachSummary">What happened, in this language, as written by the privacy office.</param>
/// <param name="OccurredText">When it happened (a date, a period or "unknown"), in this language.</param>
/// <param name="KindsOfInformation">The pack labels of the kinds of personal information, in this language; never values.</param>
/// <param name="StepsTaken">Steps the public body has taken or will take, in this language.</param>
/// <param name="StepsForPerson">Steps the person can take, in this language.</param>
/// <param name="Contact">The privacy office contact (name, email, phone).</param>
/// <param name="CommissionerNotified">True when the Commissioner has been notified; false when it will be.</param>
/// <param name="GivenName">The person's own given name; null for a public (indirect) notice.</param>
/// <param name="FamilyName">The person's own family name; null for a public (indirect) notice.</param>
/// <param name="Language"><see cref="NoticeLanguage.English"/> or <see cref="NoticeLanguage.French"/>.</param>
/// <param name="ToGuardian">
/// The notice goes to the person's guardian (<see cref="Recipients.NoticeAddressee"/>): it speaks to the guardian of the
/// information of the person in their care, named by <paramref name="GivenName"/> and <paramref name="FamilyName"/>.
/// </param>
/// <param name="GuardianName">The guardian's name, when the file gives one and <paramref name="ToGuardian"/> is true.</param>
public sealed record NoticeModel(
    IReadOnlyList<string> PublicBodies,
    string BreachSummary,
    string OccurredText,
    IReadOnlyList<string> KindsOfInformation,
    IReadOnlyList<string> StepsTaken,
    IReadOnlyList<string> StepsForPerson,
    ContactPerson Contact,
    bool CommissionerNotified,
    string? GivenName,
    string? FamilyName,
    string Language,
    bool ToGuardian = false,
    string? GuardianName = null)
{
    /// <summary>The same incident text without the person: what a public (indirect) notice renders.</summary>
    public NoticeModel WithoutPerson() => this with { GivenName = null, FamilyName = null, ToGuardian = false, GuardianName = null };

    /// <summary>The model addressed as <paramref name="addressee"/> says: to the person, or to their guardian.</summary>
    public NoticeModel AddressedTo(Recipients.NoticeAddressee addressee) =>
        this with { ToGuardian = addressee.IsGuardian, GuardianName = addressee.IsGuardian ? addressee.Name : null };
}
