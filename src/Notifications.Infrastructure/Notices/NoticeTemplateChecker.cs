using System.Globalization;
using System.Text.RegularExpressions;
using Notifications.Domain.Notices;
using Notifications.Domain.Policy;
using Notifications.Domain.Reports;

namespace Notifications.Infrastructure.Notices;

/// <summary>
/// The check before a template set is approved: every template parses, reads only notice-model variables, renders in
/// both languages (with the Commissioner notified and not yet notified), carries every element the pack requires in
/// notices to individuals (its phrase and the sample's values), says the same things in English and French, and, sent to a
/// guardian, speaks to the guardian of the person in their care (<see cref="GuardianVariant"/>).
/// </summary>
public static partial class NoticeTemplateChecker
{
    /// <summary>The problems of a set against a pack, rendered with <see cref="SampleModel"/> in each language.</summary>
    public static IReadOnlyList<TemplateProblem> Check(NoticeTemplateSet set, PolicyPack pack) =>
        Check(set, pack, SampleModel(pack, NoticeLanguage.English), SampleModel(pack, NoticeLanguage.French));

    /// <summary>The problems of a set against a pack, rendered with one sample model in both languages.</summary>
    public static IReadOnlyList<TemplateProblem> Check(NoticeTemplateSet set, PolicyPack pack, NoticeModel sampleModel) =>
        Check(set, pack, sampleModel with { Language = NoticeLanguage.English }, sampleModel with { Language = NoticeLanguage.French });

    /// <summary>The problems of a set against a pack, with a sample model per language.</summary>
    public static IReadOnlyList<TemplateProblem> Check(NoticeTemplateSet set, PolicyPack pack, NoticeModel englishSample, NoticeModel frenchSample)
    {
        var problems = new List<TemplateProblem>();
        foreach (var language in NoticeLanguage.Both)
        {
            var templates = set.For(language);
            problems.AddRange(Syntax(templates.Subject, language, "subject"));
            problems.AddRange(Syntax(templates.Body, language, "body"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var renderer = new NoticeRenderer();
        var rendered = new Dictionary<string, RenderedNotice>(StringComparer.Ordinal);
        foreach (var sample in new[] { englishSample with { Language = NoticeLanguage.English }, frenchSample with { Language = NoticeLanguage.French } })
        {
            try
            {
                _ = renderer.Render(set, sample with { CommissionerNotified = !sample.CommissionerNotified });
                var notice = renderer.Render(set, sample);
                rendered[sample.Language] = notice;
                var before = problems.Count;
                problems.AddRange(Elements(notice, sample, pack));
                if (problems.Count == before)
                {
                    problems.AddRange(GuardianVariant.Problems(renderer, set, sample, pack));
                }
            }
            catch (NoticeTemplateException e)
            {
                problems.Add(new(TemplateProblemCodes.RenderFailed, e.Message, sample.Language));
            }
        }

        if (rendered.Count == 2)
        {
            problems.AddRange(NoticeParity.Compare(rendered[NoticeLanguage.English], rendered[NoticeLanguage.French])
                .Select(f => new TemplateProblem(TemplateProblemCodes.ParityMismatch, f.Message, Element: f.Element)));
        }

        return problems;
    }

    /// <summary>A sample model with recognisable values and the pack's first three kinds of information in the language.</summary>
    public static NoticeModel SampleModel(PolicyPack pack, string language)
    {
        var fr = NoticeLanguage.Normalize(language) == NoticeLanguage.French;
        return new(
            ["Sample Public Body One", "Sample Public Body Two"],
            fr ? "Résumé de l'atteinte fourni par le bureau." : "Summary of the breach supplied by the office.",
            fr ? "le 2024-08-03" : "on 2024-08-03",
            pack.Vocabulary.PersonalInformation.Take(3).Select(t => t.Labels.Pick(language)).ToArray(),
            [fr ? "Première mesure prise" : "First step taken", fr ? "Deuxième mesure prévue" : "Second step planned"],
            [fr ? "Surveillez vos comptes" : "Watch your accounts"],
            new ContactPerson("Sample Privacy Office", null, "privacy.sample@example.org", "250-555-0199"),
            CommissionerNotified: true,
            GivenName: "Samplegiven",
            FamilyName: "Samplefamily",
            Language: NoticeLanguage.Normalize(language));
    }

    private static IEnumerable<TemplateProblem> Syntax(string source, string language, string part)
    {
        if (!NoticeRenderer.TryParse(source, out var template, out var error))
        {
            var at = Location().Match(error);
            yield return new(TemplateProblemCodes.InvalidLiquid, $"The {language} {part} is not valid Liquid: {error}", language, part,
                at.Success ? int.Parse(at.Groups[1].Value, CultureInfo.InvariantCulture) : null,
                at.Success ? int.Parse(at.Groups[2].Value, CultureInfo.InvariantCulture) : null);
            yield break;
        }

        foreach (var path in VariableCollector.UnknownIn(template))
        {
            yield return new(TemplateProblemCodes.UnknownVariable,
                $"The {language} {part} reads '{path}', which is not in the notice model (allowed: {string.Join(", ", NoticeVariables.Names.Order())}).",
                language, part);
        }
    }

    /// <summary>The pack's elements, with their phrases and the sample's values; for a guardian sample, also the person in their care.</summary>
    internal static IEnumerable<TemplateProblem> Elements(RenderedNotice notice, NoticeModel sample, PolicyPack pack, string? variant = null)
    {
        var where = variant is null ? notice.Language : $"{notice.Language} ({variant})";
        if (string.IsNullOrWhiteSpace(notice.Subject))
        {
            yield return new(TemplateProblemCodes.EmptySubject, $"The {where} subject renders empty.", notice.Language, "subject");
        }

        foreach (var finding in RequiredElements.Missing(notice.FullText, notice.Language, pack, sample.ToGuardian))
        {
            var code = finding.Code == LintCodes.UnverifiableElement ? TemplateProblemCodes.UnverifiableElement : TemplateProblemCodes.MissingElement;
            yield return new(code, $"{where}: {finding.Message}", notice.Language, Element: finding.Element);
        }

        foreach (var element in NoticeMarkers.RequiredForIndividuals(pack))
        {
            foreach (var value in ValuesOf(element.Code, sample).Where(v => !NoticeTextContains(notice.FullText, v)))
            {
                yield return new(TemplateProblemCodes.MissingValue,
                    $"{where}: the element '{element.Code}' does not render the model value \"{value}\".",
                    notice.Language, Element: element.Code);
            }
        }
    }

    private static IEnumerable<string> ValuesOf(string elementCode, NoticeModel m) => elementCode switch
    {
        "publicBodies" => m.PublicBodies,
        "breachDescription" => [m.BreachSummary, m.OccurredText],
        "kindsOfPersonalInformation" => m.KindsOfInformation,
        "stepsTakenByBody" => m.StepsTaken,
        "stepsIndividualCanTake" => m.StepsForPerson,
        "contactDetails" => new[] { m.Contact.Name, m.Contact.Email, m.Contact.Phone ?? "" }.Where(v => v.Length > 0),
        _ => [],
    };

    private static bool NoticeTextContains(string text, string value) => text.Contains(value.Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Location();
}
