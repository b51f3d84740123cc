using Fluid;
using Notifications.Domain.Notices;

namespace Notifications.Infrastructure.Notices;

/// <summary>
/// The Liquid names a notice template may use, and how a <see cref="NoticeModel"/> becomes them. Only incident text and
/// the person's own given and family name exist here: no identifier, email or address can be referenced.
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
        "contact", "commissioner_notified", "given_name", "family_name", "language",
    };

    /// <summary>Options every notice render uses: unknown variables and filters are errors, not empty text.</summary>
    internal static TemplateOptions Options { get; } = new() { StrictVariables = true, StrictFilters = true };

    /// <summary>A context holding the model's values under <see cref="Names"/>.</summary>
    internal static TemplateContext ContextFor(NoticeModel model)
    {
        var context = new TemplateContext(Options);
        context.SetValue("public_bodies", model.PublicBodies.ToArray());
        context.SetValue("breach_summary", model.BreachSummary);
        context.SetValue("occurred", model.OccurredText);
        context.SetValue("kinds_of_information", model.KindsOfInformation.ToArray());
        context.SetValue("steps_taken", model.StepsTaken.ToArray());
        context.SetValue("steps_for_person", model.StepsForPerson.ToArray());
        context.SetValue("contact", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["name"] = model.Contact.Name,
            ["email"] = model.Contact.Email,
            ["phone"] = model.Contact.Phone ?? "",
        });
        context.SetValue("commissioner_notified", model.CommissionerNotified);
        context.SetValue("given_name", model.GivenName ?? "");
        context.SetValue("family_name", model.FamilyName ?? "");
        context.SetValue("language", NoticeLanguage.Normalize(model.Language));
        return context;
    }
}
