using Notifications.Domain.Notices;

namespace Notifications.Infrastructure.Notices;

/// <summary>
/// The Liquid names a notice template may use, and how a <see cref="NoticeModel"/> becomes them. Only incident text,
/// the person's own given and family name, and for a notice to a guardian (<c>to_guardian</c>) the guardian's name exist
/// here: no identifier, email or address can be referenced.
/// Values are set as data, so a value that looks like Liquid is printed as written, never evaluated.
/// </summary>
public static class NoticeVariables
{
    /// <summary>The members of <c>contact</c>.</summary>
    public static IReadOnlySet<string> ContactMembers { get; } = new HashSet<string>(StringComparer.Ordinal) { "name", "email", "phone" };

    /// <summary>The top-level names.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "public_bodies", "breach_summary", "occurred", "kinds_of_information", "steps_taken", "steps_for_person",
        "contact", "commissioner_notified", "given_name", "family_name", "language", "to_guardian", "guardian_name",
    };

    /// <summary>The model's values under <see cref="Names"/>.</summary>
    internal static IReadOnlyDictionary<string, object?> For(NoticeModel model)
    {
        var context = new Dictionary<string, object?>(StringComparer.Ordinal);
        context.Add("public_bodies", model.PublicBodies.ToArray());
        context.Add("breach_summary", model.BreachSummary);
        context.Add("occurred", model.OccurredText);
        context.Add("kinds_of_information", model.KindsOfInformation.ToArray());
        context.Add("steps_taken", model.StepsTaken.ToArray());
        context.Add("steps_for_person", model.StepsForPerson.ToArray());
        context.Add("contact", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = model.Contact.Name,
            ["email"] = model.Contact.Email,
            ["phone"] = model.Contact.Phone ?? "",
        });
        context.Add("commissioner_notified", model.CommissionerNotified);
        context.Add("given_name", model.GivenName ?? "");
        context.Add("family_name", model.FamilyName ?? "");
        context.Add("language", NoticeLanguage.Normalize(model.Language));
        context.Add("to_guardian", model.ToGuardian);
        context.Add("guardian_name", model.ToGuardian ? model.GuardianName ?? "" : "");
        return context;
    }
}
