using Notifications.Domain.Policy;

namespace Notifications.Domain.Notices;

/// <summary>Finds the pack's required individual-notice elements in a rendered text by their <see cref="NoticeMarkers"/> phrase.</summary>
public static class RequiredElements
{
    /// <summary>
    /// A finding for each required element whose phrase is missing or unknown; for a notice to a guardian
    /// (<paramref name="toGuardian"/>), also when it does not speak of the person in their care (<see cref="NoticeMarkers.PersonInCare"/>).
    /// </summary>
    public static IReadOnlyList<LintFinding> Missing(string text, string language, PolicyPack pack, bool toGuardian = false)
    {
        var findings = new List<LintFinding>();
        var folded = NoticeText.Fold(text); // once per notice, not once per element: the batch activity lints every person
        foreach (var element in NoticeMarkers.RequiredForIndividuals(pack))
        {
            var phrase = NoticeMarkers.For(element.Code, language);
            if (phrase is null)
            {
                findings.Add(new(LintCodes.UnverifiableElement,
                    $"No phrase is known for the required element '{element.Code}' ({element.Labels.En}).", element.Code));
            }
            else if (!NoticeText.ContainsFolded(folded, phrase))
            {
                findings.Add(new(LintCodes.MissingElement,
                    $"The required element '{element.Code}' ({element.Labels.En}) is missing: expected \"{phrase}\".", element.Code));
            }
        }

        if (toGuardian && !NoticeText.ContainsFolded(folded, NoticeMarkers.For(NoticeMarkers.PersonInCare, language)!))
        {
            findings.Add(new(LintCodes.MissingElement,
                $"A notice to a guardian must say whose information it is about: expected \"{NoticeMarkers.For(NoticeMarkers.PersonInCare, language)}\".",
                NoticeMarkers.PersonInCare));
        }

        return findings;
    }
}
