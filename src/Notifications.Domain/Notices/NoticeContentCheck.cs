using Notifications.Domain.Incidents;

namespace Notifications.Domain.Notices;

/// <summary>
/// The check of what the privacy office wrote for the notices, before it is stored and again whenever the people or the
/// text could have changed (seed 004: describe the kinds of information "without revealing the actual personal
/// information itself"). Every notice and the public page carry this text as written, so nothing in it may identify a
/// person: no social insurance number, birth date, application, client or account number, email or phone (other than
/// the office's own), and no name or identifier of anyone in the current import. Looked at: the summary, each step,
/// and the literal text of the office's own templates, in English and French. Pure and thread-safe.
/// </summary>
public static class NoticeContentCheck
{
    /// <summary>The findings in the content: none means it may be stored, approved, sent and published.</summary>
    /// <param name="people">The people of the current import (<see cref="OtherPeopleIndex.ForText"/>), or null before any import.</param>
    public static IReadOnlyList<ContentFinding> Check(NoticeContent content, ContentRules rules, OtherPeopleIndex? people = null) =>
        [.. FieldsOf(content).SelectMany(f => Check(f.Field, f.Text, rules, people))];

    /// <summary>The findings in one field's text.</summary>
    public static IEnumerable<ContentFinding> Check(string field, string text, ContentRules rules, OtherPeopleIndex? people = null)
    {
        var scan = PersonalDataPatterns.Find(text, rules);
        foreach (var match in scan.Found)
        {
            yield return new(field, match.Kind, Describe(match.Kind, NoticeText.Mask(match.Value)));
        }

        if (people is null)
        {
            yield break;
        }

        // People are looked up without what the scan allowed: the office's contacts and the dates are no one's
        // identifier (a client id 0142 is not in the office's 250-555-0142, nor 2024 in the breach date).
        foreach (var match in people.FindIn(scan.WithoutAllowed(text), self: null).Where(m => !PersonalDataPatterns.IsYear(m)).Distinct())
        {
            yield return new(field, ContentFindingKinds.ImportedPerson, Describe(ContentFindingKinds.ImportedPerson, NoticeText.Mask(match)));
        }
    }

    /// <summary>The officer-written texts of the content, each with its field path as the submission names it.</summary>
    public static IEnumerable<(string Field, string Text)> FieldsOf(NoticeContent content)
    {
        foreach (var language in NoticeLanguage.Both)
        {
            yield return ($"summary.{language}", content.Summary.Pick(language));
            var steps = content.StepsForPerson.Pick(language);
            for (var i = 0; i < steps.Count; i++)
            {
                yield return ($"stepsForPerson.{language}[{i}]", steps[i]);
            }
        }

        if (content.Templates is { } templates)
        {
            foreach (var (language, template) in new[] { (NoticeLanguage.English, templates.En), (NoticeLanguage.French, templates.Fr) })
            {
                yield return ($"templates.{language}.subject", TemplateLiterals.Of(template.Subject));
                yield return ($"templates.{language}.body", TemplateLiterals.Of(template.Body));
            }
        }
    }

    private static string Describe(string kind, string masked) => kind switch
    {
        ContentFindingKinds.Sin => $"This looks like a social insurance number ({masked}). Name the kind of information, never the value.",
        ContentFindingKinds.BirthDate => $"A date next to a birth word ({masked}) looks like a birth date. Name the kind of information, never the value.",
        ContentFindingKinds.OldDate =>
            $"A full date {ContentRules.OldDateYears} or more years before the breach ({masked}) may be a birth date. Give only the month or the year if the notice needs it.",
        ContentFindingKinds.Identifier => $"This looks like an application, client, account or other person's number ({masked}). Name the kind of number, never the number.",
        ContentFindingKinds.Email => $"An email address other than the privacy office's own ({masked}).",
        ContentFindingKinds.Phone => $"A phone number other than the privacy office's own ({masked}).",
        ContentFindingKinds.ImportedPerson => $"This names or identifies a person of the current import ({masked}).",
        _ => $"Personal information ({masked}).",
    };
}
