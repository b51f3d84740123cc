using Notifications.Domain.Policy;

namespace Notifications.Domain.Notices;

/// <summary>
/// The phrase that shows a notice carries a pack element, per element code and language. The default templates use
/// the section ones as headings; the linter finds an element by its phrase, and the template checker also looks for the
/// model's values. A pack element with no phrase here cannot be verified, so a notice for it is blocked until one is added.
/// </summary>
public static class NoticeMarkers
{
    /// <summary>Element codes whose phrase is a section heading followed by "- " list items (counted for EN/FR parity).</summary>
    public static IReadOnlyList<string> ListSections { get; } =
        ["publicBodies", "kindsOfPersonalInformation", "stepsTakenByBody", "stepsIndividualCanTake"];

    private static readonly Dictionary<string, LocalizedText> Phrases = new(StringComparer.Ordinal)
    {
        ["publicBodies"] = new("Who is writing to you", "Qui vous écrit"),
        ["breachDescription"] = new("What happened", "Ce qui s'est passé"),
        ["kindsOfPersonalInformation"] = new("What kinds of information were involved", "Types de renseignements en cause"),
        ["stepsTakenByBody"] = new("What we are doing about it", "Ce que nous faisons"),
        ["stepsIndividualCanTake"] = new("What you can do", "Ce que vous pouvez faire"),
        ["contactDetails"] = new("Who to contact", "Pour nous joindre"),
        ["emailNotSecureCaution"] = new(
            "never ask you for personal information by email",
            "ne vous demanderons jamais de renseignements personnels par courriel"),
        ["commissionerNotified"] = new(
            "Information and Privacy Commissioner",
            "commissaire à l'information et à la protection de la vie privée"),
    };

    /// <summary>
    /// Not a pack element: the phrase a notice sent to a guardian carries to say whose information it is about (the
    /// person in the guardian's care). Required in every guardian notice, whatever the pack.
    /// </summary>
    public const string PersonInCare = "personInCare";

    private static readonly LocalizedText PersonInCarePhrase = new("in your care", "dont vous avez la charge");

    /// <summary>The phrase for an element in a language, or null when none is known.</summary>
    public static string? For(string elementCode, string language) =>
        elementCode == PersonInCare ? PersonInCarePhrase.Pick(language)
        : Phrases.TryGetValue(elementCode, out var text) ? text.Pick(language) : null;

    /// <summary>The pack's elements required in notices to individuals.</summary>
    public static IEnumerable<NoticeElement> RequiredForIndividuals(PolicyPack pack) =>
        pack.NoticeElements.Where(e => e.Audiences.Contains(NoticeAudience.Individual));
}
