using Notifications.Domain.Notices;
using Notifications.Domain.Policy;
using Notifications.Domain.Recipients;

namespace Notifications.Domain.Tests.Notices;

public sealed class NoticeLinterTests
{
    private static readonly PolicyPack Pack = PolicyPacks.BcFoippaV1;
    private static readonly OtherPeopleIndex Incident = new([SampleNotices.Jane, SampleNotices.Neighbour]);

    [Fact]
    public void Lint_CleanNoticeWithFrenchVersion_Passes()
    {
        var result = NoticeLinter.Lint(SampleNotices.English(), SampleNotices.Jane, Incident, Pack, SampleNotices.French());

        Assert.False(result.Blocked, string.Join("; ", result.Findings.Select(f => f.Message)));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Lint_OwnNameInGreeting_IsAllowedEvenThoughTheIndexHoldsIt() =>
        Assert.False(NoticeLinter.Lint(SampleNotices.English("Dear Jane Doe,"), SampleNotices.Jane, Incident, Pack).Blocked);

    [Theory]
    [InlineData("Your application A-2024-0001 was affected.", LintCodes.OwnIdentifier)]
    [InlineData("Your application A 2024 0001 was affected.", LintCodes.OwnIdentifier)]
    [InlineData("Your application a20240001 was affected.", LintCodes.OwnIdentifier)]
    [InlineData("Client (cl-778-899).", LintCodes.OwnIdentifier)]
    [InlineData("Your file P-000123.", LintCodes.OwnIdentifier)]
    [InlineData("Born 1990-04-17.", LintCodes.OwnIdentifier)]
    [InlineData("We wrote to JANE.DOE@example.org.", LintCodes.OwnContact)]
    [InlineData("We wrote to 123 Fort Street.", LintCodes.OwnContact)]
    [InlineData("Rahul Singh also received it.", LintCodes.OtherPerson)]
    [InlineData("Singh, Rahul also received it.", LintCodes.OtherPerson)]
    [InlineData("Application A2024-0002 was affected.", LintCodes.OtherPerson)]
    [InlineData("Contact rahul.singh@example.net.", LintCodes.OtherPerson)]
    public void Lint_EchoedValue_IsBlockedWithItsCode(string extra, string code)
    {
        var result = NoticeLinter.Lint(SampleNotices.English(extra: extra), SampleNotices.Jane, Incident, Pack);

        Assert.True(result.Blocked);
        Assert.Contains(result.Findings, f => f.Code == code);
    }

    [Fact]
    public void Lint_Seed000_NoticeRenderedWithTheNeighboursName_IsBlocked()
    {
        var notice = SampleNotices.English(greeting: "Dear Rahul Singh,");

        var result = NoticeLinter.Lint(notice, SampleNotices.Jane, Incident, Pack);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(LintCodes.OtherPerson, finding.Code);
        Assert.DoesNotContain("Rahul", finding.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Singh", finding.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Lint_CallerSuppliedValues_BlocksAnotherPersonsNameAndIdentifier()
    {
        string[] others = ["Rahul Singh", "A-2024-0002", "rahul.singh@example.net"];

        var name = NoticeLinter.Lint(SampleNotices.English("Dear rahul  singh,"), SampleNotices.Jane, others, Pack);
        var id = NoticeLinter.Lint(SampleNotices.English(extra: "Ref A 2024 0002"), SampleNotices.Jane, others, Pack);

        Assert.Contains(name.Findings, f => f.Code == LintCodes.OtherPerson);
        Assert.Contains(id.Findings, f => f.Code == LintCodes.OtherPerson);
    }

    [Fact]
    public void Lint_OwnIdentifier_MessageMasksAllButTwoCharacters()
    {
        var result = NoticeLinter.Lint(SampleNotices.English(extra: "A-2024-0001"), SampleNotices.Jane, Incident, Pack);

        var finding = Assert.Single(result.Findings);
        Assert.DoesNotContain("2024-0001", finding.Message, StringComparison.Ordinal);
        Assert.Contains("A-*********", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_IdentifierInsideALongerToken_IsNotAMatch() =>
        Assert.False(NoticeLinter.Lint(SampleNotices.English(extra: "Ref XA20240001Y"), SampleNotices.Jane, Incident, Pack).Blocked);

    [Fact]
    public void Lint_MissingEmailCaution_IsAMissingElement()
    {
        var result = NoticeLinter.Lint(SampleNotices.English(caution: false), SampleNotices.Jane, Incident, Pack);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((LintCodes.MissingElement, "emailNotSecureCaution"), (finding.Code, finding.Element));
    }

    [Fact]
    public void Lint_FrenchNoticeForAnEnglishSpeaker_IsTheWrongLanguage() =>
        Assert.Contains(NoticeLinter.Lint(SampleNotices.French(), SampleNotices.Jane, Incident, Pack).Findings,
            f => f.Code == LintCodes.WrongLanguage);

    [Fact]
    public void Lint_FrenchNoticeForAFrenchSpeaker_Passes() =>
        Assert.False(NoticeLinter.Lint(SampleNotices.French(), SampleNotices.Jane with { Language = "fr" }, Incident, Pack,
            SampleNotices.English()).Blocked);

    [Theory]
    [InlineData("250-555-0199", 2)]
    [InlineData("250-555-0100", 1)]
    public void Lint_EnglishAndFrenchDiffer_IsAParityMismatch(string frenchPhone, int frenchKinds)
    {
        var result = NoticeLinter.Lint(SampleNotices.English(), SampleNotices.Jane, Incident, Pack,
            SampleNotices.French(frenchPhone, frenchKinds));

        Assert.True(result.Blocked);
        Assert.All(result.Findings, f => Assert.Equal(LintCodes.ParityMismatch, f.Code));
    }

    [Fact]
    public void Lint_PackElementWithoutAPhrase_IsUnverifiable()
    {
        var pack = Pack with
        {
            NoticeElements = [.. Pack.NoticeElements, new NoticeElement("rightToComplain", [NoticeAudience.Individual], new("Right", "Droit"))],
        };

        var result = NoticeLinter.Lint(SampleNotices.English(), SampleNotices.Jane, Incident, pack);

        Assert.Equal(LintCodes.UnverifiableElement, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void OtherPeopleIndex_ShortValues_AreNotIndexed()
    {
        var index = OtherPeopleIndex.FromValues(["77", "A-1", "Rahul Singh"]);

        Assert.Equal(1, index.Count);
        Assert.Empty(index.FindIn("Call 250-555-0177 about A-1.", self: null));
    }

    private static readonly LintSubject Mika = new(
        "P-000200", "Mika", "Okafor", null, null, "en", [new PersonIdentifier("client", "CL770044")], "pat.okafor@example.org",
        GuardianName: "Pat Okafor", ToGuardian: true);

    private static RenderedNotice ToMikasGuardian(string greeting = "Dear Pat Okafor,", string about = "the person in your care, Mika Okafor") =>
        SampleNotices.English(greeting, extra: $"It involved the personal information of {about}.");

    [Fact]
    public void Lint_GuardianNoticeThatGreetsTheGuardianAndSpeaksOfThePersonInCare_Passes()
    {
        var result = NoticeLinter.Lint(ToMikasGuardian(), Mika, new OtherPeopleIndex([SampleNotices.Jane, Mika]), Pack);

        Assert.Empty(result.Findings.Select(f => f.Message));
    }

    [Fact]
    public void Lint_GuardianNoticeThatGreetsThePersonInCare_IsBlocked()
    {
        var result = NoticeLinter.Lint(ToMikasGuardian("Dear Mika Okafor,"), Mika, Incident, Pack);

        Assert.Equal(LintCodes.GreetsPersonInCare, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void Lint_GuardianNoticeThatSaysYourPersonalInformation_IsBlockedForTheMissingPersonInCare()
    {
        var result = NoticeLinter.Lint(ToMikasGuardian(about: "you"), Mika, Incident, Pack);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((LintCodes.MissingElement, NoticeMarkers.PersonInCare), (finding.Code, finding.Element));
    }

    [Fact]
    public void Lint_PersonsOwnNotice_NeedsNoGuardianPhrase() =>
        Assert.Empty(NoticeLinter.Lint(SampleNotices.English(), SampleNotices.Jane, Incident, Pack).Findings);

    [Fact]
    public void Lint_AnotherPersonsGuardianName_IsBlocked_AndTheChildsIdentifiersStayBlocked()
    {
        var index = new OtherPeopleIndex([SampleNotices.Jane, Mika]);

        var guardianName = NoticeLinter.Lint(SampleNotices.English(extra: "Ask Pat Okafor."), SampleNotices.Jane, index, Pack);
        var identifier = NoticeLinter.Lint(ToMikasGuardian(about: "the person in your care, client CL770044"), Mika, index, Pack);

        Assert.Equal(LintCodes.OtherPerson, Assert.Single(guardianName.Findings).Code);
        Assert.Equal(LintCodes.OwnIdentifier, Assert.Single(identifier.Findings).Code);
    }
}
