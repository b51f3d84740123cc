using Notifications.Domain.Policy;

namespace Notifications.Domain.Notices;

/// <summary>
/// The last guard before a notice is sent (DESIGN §3 "Notice linter"). It blocks a notice that echoes the person's own
/// identifiers or contact data, carries anyone else's name, email or identifier (the 2022 misdirected mass email of
/// seed 000), misses a required element of the pack, is not in the person's language, or, when both versions are given,
/// says different things in English and French. The person's own name is allowed (the greeting). A notice that goes to a
/// guardian must speak to the guardian: say it is about the person in their care, and not greet that person. Pure and thread-safe.
/// </summary>
public static class NoticeLinter
{
    /// <summary>Lints a notice against values of other people that the caller supplies (turned into an <see cref="OtherPeopleIndex"/>).</summary>
    public static LintResult Lint(
        RenderedNotice notice,
        LintSubject person,
        IReadOnlyCollection<string> otherPeoplesValues,
        PolicyPack pack,
        RenderedNotice? otherLanguageVersion = null) =>
        Lint(notice, person, OtherPeopleIndex.FromValues(otherPeoplesValues), pack, otherLanguageVersion);

    /// <summary>Lints a notice against the incident's <see cref="OtherPeopleIndex"/> (which may include the person).</summary>
    public static LintResult Lint(
        RenderedNotice notice,
        LintSubject person,
        OtherPeopleIndex others,
        PolicyPack pack,
        RenderedNotice? otherLanguageVersion = null)
    {
        var text = notice.FullText;
        var findings = new List<LintFinding>();
        findings.AddRange(OwnValues(text, person));
        findings.AddRange(others.FindIn(text, person).Distinct().Select(match => new LintFinding(LintCodes.OtherPerson,
            $"The notice carries another person's name, email or identifier ({NoticeText.Mask(match)}).")));
        findings.AddRange(RequiredElements.Missing(text, notice.Language, pack, person.ToGuardian));
        if (person.ToGuardian && GreetsPersonInCare(notice, person.GivenName, person.FamilyName))
        {
            findings.Add(new(LintCodes.GreetsPersonInCare,
                "The notice goes to the guardian but its greeting names the person in their care; it must greet the guardian."));
        }

        if (NoticeLanguage.Normalize(notice.Language) != NoticeLanguage.Normalize(person.Language))
        {
            findings.Add(new(LintCodes.WrongLanguage,
                $"The notice is in '{notice.Language}' but the person's official language is '{NoticeLanguage.Normalize(person.Language)}'."));
        }

        if (otherLanguageVersion is not null)
        {
            findings.AddRange(NoticeParity.Compare(notice, otherLanguageVersion));
        }

        return LintResult.From(findings);
    }

    private static IEnumerable<LintFinding> OwnValues(string text, LintSubject person)
    {
        var tokens = NoticeText.Tokens(text);
        bool Has(string? value) => !string.IsNullOrWhiteSpace(value) && NoticeText.ContainsCompact(tokens, NoticeText.Compact(value));

        if (Has(person.PersonId))
        {
            yield return Own(LintCodes.OwnIdentifier, "person id", person.PersonId);
        }

        foreach (var identifier in person.Identifiers.Where(i => Has(i.Value)))
        {
            yield return Own(LintCodes.OwnIdentifier, identifier.Kind, identifier.Value);
        }

        if (person.BirthDate is { } born && NoticeText.DateSpellings(born).Any(d => NoticeText.ContainsCompact(tokens, d)))
        {
            yield return new(LintCodes.OwnIdentifier, "The notice contains the person's own birth date.");
        }

        foreach (var (what, value) in new[] { ("email", person.Email), ("guardian email", person.GuardianEmail) })
        {
            if (Has(value))
            {
                yield return Own(LintCodes.OwnContact, what, value!);
            }
        }

        if (person.PostalAddress is { } address && AddressParts(address).Any(Has))
        {
            yield return Own(LintCodes.OwnContact, "postal address", address);
        }
    }

    /// <summary>Whether the first line of the body (the greeting) names the person: "Given Family" or "Family Given".</summary>
    public static bool GreetsPersonInCare(RenderedNotice notice, string? givenName, string? familyName)
    {
        var greeting = notice.Body.Split('\n').FirstOrDefault(l => l.Trim().Length > 0) ?? "";
        var tokens = NoticeText.Tokens(greeting);
        return !string.IsNullOrWhiteSpace(givenName) && !string.IsNullOrWhiteSpace(familyName)
            && (NoticeText.ContainsCompact(tokens, NoticeText.Compact(givenName + " " + familyName))
                || NoticeText.ContainsCompact(tokens, NoticeText.Compact(familyName + " " + givenName)));
    }

    /// <summary>The whole address and each of its lines or comma parts long enough to be telling (street, postal code).</summary>
    private static IEnumerable<string> AddressParts(string address) =>
        address.Split([',', '\n', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(p => NoticeText.Compact(p).Length >= 6)
            .Prepend(address);

    private static LintFinding Own(string code, string what, string value) =>
        new(code, $"The notice contains the person's own {what} ({NoticeText.Mask(value)}).");
}
