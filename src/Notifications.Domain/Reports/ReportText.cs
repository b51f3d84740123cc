using System.Globalization;
using Notifications.Domain.Breach;

namespace Notifications.Domain.Reports;

/// <summary>How the report writes dates, counts and the facts' enums in English.</summary>
internal static class ReportText
{
    public const string NotYetKnown = "not yet known";

    /// <summary>E.g. "2024-08-03 16:00 UTC" or "2022-08-03 09:00 UTC-04:00", in the instant's own offset.</summary>
    public static string Date(DateTimeOffset at)
    {
        var offset = at.Offset == TimeSpan.Zero
            ? "UTC"
            : string.Create(CultureInfo.InvariantCulture, $"UTC{(at.Offset < TimeSpan.Zero ? '-' : '+')}{at.Offset:hh\\:mm}");
        return string.Create(CultureInfo.InvariantCulture, $"{at:yyyy-MM-dd HH:mm} {offset}");
    }

    public static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? NotYetKnown;

    public static string Occurrence(Occurrence occurred) => occurred.Kind switch
    {
        OccurrenceKind.Date when occurred.On is { } on => $"on {Date(on)}",
        OccurrenceKind.Period when occurred.From is { } from => occurred.To is { } to
            ? $"between {Date(from)} and {Date(to)}"
            : $"from {Date(from)} (end of the period {NotYetKnown})",
        _ => "unknown",
    };

    public static string Holds(CustodyOrControl holds) => holds switch
    {
        CustodyOrControl.Custody => "custody",
        CustodyOrControl.Control => "control",
        _ => "custody and control",
    };

    public static string Cause(BreachCause cause) => cause switch
    {
        BreachCause.MisdirectedEmail => "an email was sent to the wrong recipient or recipients",
        BreachCause.MisdirectedMail => "a letter or parcel was sent to the wrong address",
        BreachCause.Loss => "records or a device were lost",
        BreachCause.Theft => "records or a device were stolen",
        BreachCause.UnauthorizedAccess => "someone viewed records they were not authorized to see",
        BreachCause.UnauthorizedUse => "records were used for a purpose they were not collected for",
        BreachCause.Cyberattack => "a system was compromised",
        _ => "other (see the description)",
    };

    public static string Relationship(RecipientRelationship relationship) => relationship switch
    {
        RecipientRelationship.SameBodyConfidentialityDuty => "staff of the same public body under the same confidentiality duty",
        RecipientRelationship.UnrelatedIndividuals => "people with no known relationship to the affected individuals",
        RecipientRelationship.AdverseOrHostile => "someone in an adverse or hostile relationship with an affected individual",
        RecipientRelationship.KnownMaliciousIntent => "someone known to intend to misuse the information",
        _ => "the public",
    };

    public static string ContainmentState(Breach.Containment containment)
    {
        var status = containment.Status switch
        {
            ContainmentStatus.Contained => "contained",
            ContainmentStatus.PartiallyContained => "partially contained",
            ContainmentStatus.NotContained => "cannot be contained",
            _ => NotYetKnown,
        };
        return containment.RecipientsAgreedToDestroyOrReturn
            ? $"{status}; the recipients agreed to destroy or return the information"
            : status;
    }

    public static string List(IEnumerable<string> items, string empty = "none")
    {
        var all = items.ToArray();
        return all.Length == 0 ? empty : string.Join(", ", all);
    }
}
