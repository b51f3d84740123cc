using Notifications.Domain.Breach;
using Notifications.Domain.Incidents;
using Notifications.Domain.Notices;
using Notifications.Domain.Policy;
using Notifications.Domain.Recipients;
using Notifications.Domain.Reports;

namespace Notifications.Domain.Tests.Notices;

/// <summary>
/// The check of officer-written notice text (issue 14): the summary, the steps and the literal text of the office's own
/// templates, in both languages, against identifiers by their shape and the people of the current import.
/// </summary>
public sealed class NoticeContentCheckTests
{
    /// <summary>The repro of issue 14: a third party named, with a SIN and a birth date.</summary>
    public const string Repro = "A file about Bartholomew Quince, born 1961-04-12, SIN 046 454 286, was emailed to the wrong office.";

    private static readonly ContactPerson Office = new("Privacy Office", null, "privacy.office@example.gov.bc.ca", "250-555-0100");

    /// <summary>Occurred on 2024-08-02, discovered on 2024-08-03 (the baseline), so full dates before 2014-08-02 are old.</summary>
    private static readonly BreachFacts Facts = BreachFactsBuilder.Baseline()
        .WithOccurred(Occurrence.At(new DateTimeOffset(2024, 8, 2, 10, 0, 0, TimeSpan.Zero))).Build();

    private static readonly ContentRules Rules = ContentRules.For(PolicyPacks.BcFoippaV1, Facts, Office, ["application", "client", "case"]);

    private static readonly LintSubject Avery = new("C-100234", "Avery", "Tremblay", "avery.tremblay@example.test",
        "12 Fictional Street, Victoria BC V8V 0A1", "en", [new PersonIdentifier("application", "A-2024-0001"), new PersonIdentifier("client", "77001")]);

    private static readonly LintSubject Zoe = new("C-100235", "Zoé", "Bélanger-Côté", null, null, "fr", []);

    private static readonly OtherPeopleIndex Import = OtherPeopleIndex.ForText([Avery, Zoe]);

    private static NoticeContent Content(string summaryEn = "An email listing clients went to the wrong office.",
        string summaryFr = "Un courriel énumérant des clients a été envoyé au mauvais bureau.",
        string[]? stepsEn = null, string[]? stepsFr = null, CustomTemplates? templates = null) =>
        new(new LocalizedText(summaryEn, summaryFr),
            new LocalizedList(stepsEn ?? ["Watch your accounts for unusual activity."], stepsFr ?? ["Surveillez vos comptes."]), "v1")
        {
            Templates = templates,
        };

    private static List<ContentFinding> Findings(string text, OtherPeopleIndex? people = null) =>
        [.. NoticeContentCheck.Check("summary.en", text, Rules, people)];

    [Fact]
    public void Check_TheIssueRepro_FindsTheSinAndTheBirthDate_WithoutEchoingThem()
    {
        var findings = NoticeContentCheck.Check(Content(summaryEn: Repro), Rules);

        Assert.Equal([ContentFindingKinds.BirthDate, ContentFindingKinds.Sin], findings.Select(f => f.Kind).Order());
        Assert.All(findings, f => Assert.Equal("summary.en", f.Field));
        Assert.All(findings, f => Assert.DoesNotContain("454", f.Message, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.DoesNotContain("04-12", f.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SIN 046 454 286.")]
    [InlineData("SIN: 046-454-286.")]
    [InlineData("NAS 046454286.")]
    [InlineData("Le numéro 130 692 544 a été divulgué.")]
    public void Check_ALuhnValidSin_WithOrWithoutSeparators_IsFound(string text) =>
        Assert.Contains(Findings(text), f => f.Kind == ContentFindingKinds.Sin);

    [Theory]
    [InlineData("We sent 123 456 789 letters.")] // nine digits that fail the Luhn check
    [InlineData("Call us at 250-555-0100.")]
    public void Check_NineDigitsThatAreNoSin_AreNotTakenForOne(string text) =>
        Assert.DoesNotContain(Findings(text), f => f.Kind == ContentFindingKinds.Sin);

    [Theory]
    [InlineData("Her date of birth: 2019-03-05 was in the file.")]
    [InlineData("DOB 05/03/2019.")]
    [InlineData("He was born on March 5, 2019.")]
    [InlineData("Born in Victoria on 5 March 2019.")]
    [InlineData("Il est né le 5 mars 2019.")]
    [InlineData("Elle est née le 1er mars 2019.")]
    [InlineData("Date de naissance : 2019-03-05.")]
    [InlineData("The file lists 2019-03-05 (date of birth).")]
    [InlineData("Born March 2019.")]
    public void Check_ADateNextToABirthWord_IsABirthDate_EvenWhenRecent(string text) =>
        Assert.Contains(Findings(text), f => f.Kind == ContentFindingKinds.BirthDate);

    [Theory]
    [InlineData("The breach happened on 2024-08-02 and exposed names and birth dates.")]
    [InlineData("Names, birth dates and, on 2024-08-05, addresses were exposed.")]
    [InlineData("Birth dates were exposed. On 2024-08-05 we deleted the copies.")]
    [InlineData("We learned of it on August 3, 2024; birth dates were involved.")]
    [InlineData("Enrol in credit monitoring before 2025-03-31.")]
    [InlineData("Le 2 août 2024, un courriel a été envoyé par erreur.")]
    [InlineData("Files opened since 2012 are affected.")]
    [InlineData("Files opened since March 2012 are affected.")]
    public void Check_BreachAndRecentDates_AndMonthsOrYears_AreAllowed(string text) =>
        Assert.Empty(Findings(text));

    [Theory]
    [InlineData("The file of the client from 1961-04-12 was copied.")]
    [InlineData("Le dossier du 12 avril 1961 a été copié.")]
    [InlineData("Records dated 04/12/1961.")]
    [InlineData("Accounts opened before 2014-08-01.")] // a day over ten years before the breach
    public void Check_AFullDateLongBeforeTheBreach_MayBeABirthDate(string text) =>
        Assert.Equal(ContentFindingKinds.OldDate, Assert.Single(Findings(text)).Kind);

    [Fact]
    public void Check_TheBreachsOwnDates_AreAllowedHoweverOld()
    {
        var longAgo = BreachFactsBuilder.Baseline().WithOccurred(Occurrence.Between(new(2001, 5, 1, 0, 0, 0, TimeSpan.Zero), null)).Build();
        var rules = ContentRules.For(PolicyPacks.BcFoippaV1, longAgo, Office, []);

        Assert.Empty(NoticeContentCheck.Check("summary.en", "Files were exposed from 2001-05-01 on, and one from 1995-02-02.", rules));
        Assert.Equal(ContentFindingKinds.OldDate, Assert.Single(NoticeContentCheck.Check("summary.en", "One from 1990-02-02 too.", rules)).Kind);
    }

    [Theory]
    [InlineData("Your application A-2024-0009 was affected.")]
    [InlineData("Application number: A-2024-0009.")]
    [InlineData("application:A-2024-0009")]
    [InlineData("Client #778899 was named.")]
    [InlineData("Client ID 778899.")]
    [InlineData("Account no. 00123456.")]
    [InlineData("The bank account 12-345-6789 was listed.")]
    [InlineData("Case 44521.")]
    [InlineData("Le numéro de demande A-2024-0009 a été envoyé.")]
    [InlineData("Le compte bancaire 123456 figurait dans le fichier.")]
    [InlineData("Passport number GA123456.")]
    [InlineData("SIN 123 456 789.")] // not Luhn-valid, but written as a SIN
    [InlineData("Ref. 12345.")]
    public void Check_ANumberAfterAnIdentifierWord_IsAnIdentifier(string text) =>
        Assert.Contains(Findings(text), f => f.Kind == ContentFindingKinds.Identifier);

    [Theory]
    [InlineData("Application numbers and client identifiers were involved.")]
    [InlineData("About 1200 client files were sent to 3 people.")]
    [InlineData("Applications received in 2024 are affected.")]
    [InlineData("Les numéros de demande et les identifiants de client sont en cause.")]
    [InlineData("We closed the file. 123 people were told.")]
    [InlineData("Client 12 of 40.")]
    public void Check_KindsAndCounts_AreNoIdentifier(string text) =>
        Assert.Empty(Findings(text));

    [Theory]
    [InlineData("Write to bart.quince@example.net.", ContentFindingKinds.Email)]
    [InlineData("Call him at 250-555-0199.", ContentFindingKinds.Phone)]
    [InlineData("Call (604) 555-0123 ext. 4.", ContentFindingKinds.Phone)]
    [InlineData("Appelez le +33 1 23 45 67 89.", ContentFindingKinds.Phone)]
    [InlineData("Call +442079460958.", ContentFindingKinds.Phone)]
    [InlineData("Call +44 (20) 7946-0958.", ContentFindingKinds.Phone)]
    public void Check_OtherContacts_AreFound(string text, string kind) =>
        Assert.Equal(kind, Assert.Single(Findings(text)).Kind);

    [Theory]
    [InlineData("Questions? Write to PRIVACY.OFFICE@example.gov.bc.ca or call 250-555-0100.")]
    [InlineData("Appelez le 1 (250) 555-0100.")]
    [InlineData("Equifax Canada: 1-800-465-7166; TransUnion: 1 877 713 3393.")] // toll-free: organisations only
    public void Check_TheOfficesOwnContactsAndTollFreeNumbers_AreAllowed(string text) =>
        Assert.Empty(Findings(text));

    [Theory]
    [InlineData("A letter to Avery Tremblay was misdirected.")]
    [InlineData("A letter to TREMBLAY, Avery was misdirected.")]
    [InlineData("We spoke with Mr. Tremblay.")]
    [InlineData("Nous avons parlé à Zoe Belanger-Cote.")] // accents folded
    [InlineData("Nous avons parlé à Mme Bélanger-Côté.")]
    [InlineData("Reference C-100234.")]
    [InlineData("It went to 12 Fictional Street, Victoria BC V8V 0A1.")]
    [InlineData("Write to avery.tremblay@example.test.")]
    public void Check_ThePeopleOfTheImport_AreFound_ByNameAndIdentifier(string text) =>
        Assert.Contains(Findings(text, Import), f => f.Kind == ContentFindingKinds.ImportedPerson);

    [Theory]
    [InlineData("Avery and the Tremblay family were not involved.")] // not the whole name
    [InlineData("Averyl Tremblays wrote.")] // not whole words
    [InlineData("The Tremblay Street office.")] // a family name without a title
    public void Check_PartsOfNames_AreNotThePerson(string text) =>
        Assert.DoesNotContain(Findings(text, Import), f => f.Kind == ContentFindingKinds.ImportedPerson);

    [Fact]
    public void Check_AShortNumericIdentifierOfTheImport_IsNotFoundInTheBreachDateAYearOrTheOfficesPhone()
    {
        var numbered = OtherPeopleIndex.ForText([new LintSubject("2024", "Sam", "Nakamura", null, null, "en", [new PersonIdentifier("client", "0100")])]);

        Assert.Empty(Findings("On 2024-08-02 a list went astray; since 2024 we check every list. Call 250-555-0100.", numbered));
        Assert.Equal(ContentFindingKinds.ImportedPerson, Assert.Single(Findings("Sam Nakamura was on the list.", numbered)).Kind);
    }

    [Fact]
    public void Check_APlusBeforeThousandsOfDigits_IsNoPhoneNumber_AndLongTextStaysQuick()
    {
        var text = "+" + new string('1', 5000) + " " + string.Concat(Enumerable.Repeat("client 12 ", 500)) + new string(' ', 5000) + "#";

        var findings = Findings(text, Import);

        Assert.DoesNotContain(findings, f => f.Kind == ContentFindingKinds.Phone);
    }

    [Fact]
    public void Check_ImportedPerson_MessageMasksTheName()
    {
        var finding = Assert.Single(Findings("About Avery Tremblay.", Import));

        Assert.DoesNotContain("Tremblay", finding.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("very", finding.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Check_EveryField_IsNamedByItsPath_InBothLanguages()
    {
        var templates = new CustomTemplates(
            new("Notice for {{ given_name }} about client 778899", "Dear {{ given_name }},\nAsk Bart at bart@example.net.\n{{ breach_summary }}"),
            new("Avis {{ \"NAS 046 454 286\" }}", "Bonjour {{ given_name }},\n{{ breach_summary }}"));
        var content = Content(summaryFr: "Un dossier sur Zoé Bélanger-Côté.", stepsEn: ["Watch your accounts.", "Call 250-555-0199."],
            stepsFr: ["Surveillez vos comptes.", "Le client 778899 est visé."], templates: templates);

        var findings = NoticeContentCheck.Check(content, Rules, Import);

        Assert.Equal(
            ["stepsForPerson.en[1]:phone", "stepsForPerson.fr[1]:identifier", "summary.fr:imported-person", "templates.en.body:email",
                "templates.en.subject:identifier", "templates.fr.subject:sin"],
            findings.Select(f => $"{f.Field}:{f.Kind}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_CleanContent_WithTheDefaultShapeOfTemplate_HasNoFinding()
    {
        var templates = new CustomTemplates(
            new("Privacy breach notice", "{% if given_name != \"\" %}Dear {{ given_name }},{% endif %}\nEmail: {{ contact.email }}\nPhone: 250-555-0100"),
            new("Avis", "Bonjour {{ given_name }},\nCourriel : privacy.office@example.gov.bc.ca"));

        Assert.Empty(NoticeContentCheck.Check(Content(templates: templates), Rules, Import));
    }

    [Fact]
    public void TemplateLiterals_KeepTheTextAndTheQuotedStrings_NotTheTags()
    {
        var literal = TemplateLiterals.Of("Dear {{ given_name | default: \"friend\" }},{% if x %} Hi{% endif %} {unclosed");

        Assert.Equal("Dear \nfriend\n,\n Hi\n {unclosed", literal);
        Assert.DoesNotContain("given_name", literal, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateLiterals_ARawBlock_IsLiteralBracesAndAll()
    {
        var literal = TemplateLiterals.Of("Hi{% raw %}{{ SIN 046 454 286 }} {% if %}{%- endraw -%}{{ given_name }}{% raw %}tail");

        Assert.Equal("Hi\n{{ SIN 046 454 286 }} {% if %}\n\n\ntail\n", literal);
    }

    [Fact]
    public void PackIdentifierWords_ComeFromTheVocabularysNumberAndIdentifierLabels()
    {
        var words = ContentRules.PackIdentifierWords(PolicyPacks.BcFoippaV1).ToList();

        Assert.Contains("application number", words);
        Assert.Contains("numéro de demande", words);
        Assert.Contains("client identifier", words);
        Assert.Contains("bank account information", words);
        Assert.Contains("passport", words);
        Assert.DoesNotContain(words, w => w.Contains("health", StringComparison.Ordinal));
    }
}
