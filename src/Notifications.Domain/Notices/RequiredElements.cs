using Notifications.Domain.Policy;

namespace Notifications.Domain.Notices;

/// <summary>Finds the pack's required individual-notice elements in a rendered text by their <see cref="NoticeMarkers"/> phrase.</summary>
public static class RequiredElements
{
    /// <summary>A finding for each required element whose phrase is missing or unknown.</summary>
    public static IReadOnlyList<LintFinding> Missing(string text, string language, PolicyPack pack)
    {
        var findings = new List<LintFinding>();
        foreach (var element in NoticeMarkers.RequiredForIndividuals(pack))
        {
            var phrase = NoticeMarkers.For(element.Code, language);
            if (phrase is null)
            {
                findings.Add(new(LintCodes.UnverifiableElement,
                    $"No phrase is known for the required element '{element.Code}' ({element.Labels.En}).", element.Code));
            }
            else if (!NoticeText.ContainsPhrase(text, phrase))
            {
                findings.Add(new(LintCodes.MissingElement,
                    $"The required element '{element.Code}' ({element.Labels.En}) is missing: expected \"{phrase}\".", element.Code));
            }
        }

        return findings;
    }
}
