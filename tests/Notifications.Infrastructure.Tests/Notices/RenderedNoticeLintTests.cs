using Notifications.Domain.Notices;
using Notifications.Infrastructure.Notices;
using Notifications.Infrastructure.Recipients;

namespace Notifications.Infrastructure.Tests.Notices;

/// <summary>The default templates, rendered, through the linter with an index built from stored recipients.</summary>
public sealed class RenderedNoticeLintTests
{
    private static readonly NoticeRenderer Renderer = new();
    private static readonly StoredRecipient Jane = NoticeModels.Recipient("P-1001", "Jane", "Doe", "jane.doe@example.org", "A-2024-0001");
    private static readonly StoredRecipient Rahul = NoticeModels.Recipient("P-1002", "Rahul", "Singh", "rahul@example.net", "A-2024-0002");
    private static readonly OtherPeopleIndex Incident = new[] { Jane, Rahul }.ToOtherPeopleIndex();

    [Fact]
    public void DefaultNotice_ForItsOwnPerson_PassesWithParity()
    {
        var en = Renderer.Render(NoticeTemplateSet.Default, NoticeModels.For("en"));
        var fr = Renderer.Render(NoticeTemplateSet.Default, NoticeModels.For("fr"));

        var result = NoticeLinter.Lint(en, Jane.ToLintSubject(), Incident, NoticeModels.Pack, fr);

        Assert.Empty(result.Findings.Select(f => f.Message));
    }

    [Fact]
    public void Seed000_ModelThatGotTheNeighboursName_IsBlocked()
    {
        var wrong = Renderer.Render(NoticeTemplateSet.Default, NoticeModels.For("en", "Rahul", "Singh"));

        var result = NoticeLinter.Lint(wrong, Jane.ToLintSubject(), Incident, NoticeModels.Pack);

        Assert.True(result.Blocked);
        Assert.Equal(LintCodes.OtherPerson, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void SummaryThatEchoesAnApplicationNumber_IsBlocked()
    {
        var model = NoticeModels.For("en") with { BreachSummary = "The email listed application A 2024 0001 and A-2024-0002." };

        var result = NoticeLinter.Lint(Renderer.Render(NoticeTemplateSet.Default, model), Jane.ToLintSubject(), Incident, NoticeModels.Pack);

        Assert.Contains(result.Findings, f => f.Code == LintCodes.OwnIdentifier);
        Assert.Contains(result.Findings, f => f.Code == LintCodes.OtherPerson);
    }

    [Fact]
    public void FrenchVersionWithADifferentPhone_IsAParityMismatch()
    {
        var en = Renderer.Render(NoticeTemplateSet.Default, NoticeModels.For("en"));
        var model = NoticeModels.For("fr");
        var fr = Renderer.Render(NoticeTemplateSet.Default, model with { Contact = model.Contact with { Phone = "250-555-0101" } });

        var result = NoticeLinter.Lint(en, Jane.ToLintSubject(), Incident, NoticeModels.Pack, fr);

        Assert.Equal(LintCodes.ParityMismatch, Assert.Single(result.Findings).Code);
    }

    [Theory]
    [InlineData("en", "Pat Okafor")]
    [InlineData("fr", null)]
    public void DefaultNotice_ToTheGuardianOfAPersonWithoutEmail_Passes_AndTheDefaultWithoutTheGuardianVariantWouldNot(string language, string? guardian)
    {
        var mika = NoticeModels.Recipient("P-1003", "Mika", "Okafor", "", "A-2024-0003", language) with
        {
            Email = null, GuardianEmail = "pat.okafor@example.org", GuardianName = guardian,
        };
        var everyone = new[] { Jane, Rahul, mika }.ToOtherPeopleIndex();
        var model = NoticeModels.For(language, "Mika", "Okafor");

        var toGuardian = NoticeLinter.Lint(Renderer.Render(NoticeTemplateSet.Default, model.AddressedTo(mika.Addressee)), mika.ToLintSubject(), everyone, NoticeModels.Pack);
        var toChild = NoticeLinter.Lint(Renderer.Render(NoticeTemplateSet.Default, model), mika.ToLintSubject(), everyone, NoticeModels.Pack);

        Assert.True(mika.Addressee.IsGuardian);
        Assert.Empty(toGuardian.Findings.Select(f => f.Message));
        Assert.Equal([LintCodes.MissingElement, LintCodes.GreetsPersonInCare], toChild.Findings.Select(f => f.Code));
    }
}
