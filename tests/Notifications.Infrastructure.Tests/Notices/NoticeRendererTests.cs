using Notifications.Domain.Notices;
using Notifications.Domain.Recipients;
using Notifications.Infrastructure.Notices;

namespace Notifications.Infrastructure.Tests.Notices;

public sealed class NoticeRendererTests
{
    private readonly NoticeRenderer _renderer = new();

    [Fact]
    public void Render_French_UsesFrenchLabelsAndText()
    {
        var notice = _renderer.Render(NoticeTemplateSet.Default, NoticeModels.For("fr"));

        Assert.Equal(("fr", NoticeTemplateSet.Default.Version), (notice.Language, notice.TemplateVersion));
        Assert.Contains("- numéro de demande", notice.Body, StringComparison.Ordinal);
        Assert.Contains("- identifiant de client", notice.Body, StringComparison.Ordinal);
        Assert.Contains("Bonjour Jane Doe,", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("application number", notice.Body, StringComparison.Ordinal);
        Assert.StartsWith("Avis d'atteinte", notice.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_English_HasEveryElementInPlainText()
    {
        var notice = _renderer.Render(NoticeTemplateSet.Default, NoticeModels.For("en") with { BreachSummary = "O'Brien & Sons <a> mix-up." });

        Assert.Contains("O'Brien & Sons <a> mix-up.", notice.Body, StringComparison.Ordinal);
        Assert.Contains("We have notified the Information and Privacy Commissioner", notice.Body, StringComparison.Ordinal);
        Assert.Contains("Phone: 250-555-0100", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', notice.Subject);
    }

    [Fact]
    public void Render_CommissionerNotYetNotified_SaysItWillBe() =>
        Assert.Contains("We will notify the Information and Privacy Commissioner",
            _renderer.Render(NoticeTemplateSet.Default, NoticeModels.For("en") with { CommissionerNotified = false }).Body, StringComparison.Ordinal);

    [Fact]
    public void Render_ValueThatLooksLikeLiquid_IsPrintedAsData()
    {
        var model = NoticeModels.For("en") with { BreachSummary = "{{ contact.email }} {% if true %}x{% endif %}", GivenName = "{{ family_name }}" };

        var notice = _renderer.Render(NoticeTemplateSet.Default, model);

        Assert.Contains("{{ contact.email }} {% if true %}x{% endif %}", notice.Body, StringComparison.Ordinal);
        Assert.Contains("Dear {{ family_name }} Doe,", notice.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_IsAContentHash()
    {
        var same = new NoticeTemplateSet(NoticeTemplateSet.Default.English, NoticeTemplateSet.Default.French);
        var changed = new NoticeTemplateSet(NoticeTemplateSet.Default.English with { Subject = "Notice" }, NoticeTemplateSet.Default.French);

        Assert.Equal(NoticeTemplateSet.Default.Version, same.Version);
        Assert.NotEqual(NoticeTemplateSet.Default.Version, changed.Version);
        Assert.Equal("Notice", _renderer.Render(changed, NoticeModels.For("en")).Subject);
    }

    [Fact]
    public void Render_InvalidTemplate_ThrowsWithoutPersonalInformation()
    {
        var broken = new NoticeTemplateSet(new("{{ email }}", "Body"), NoticeTemplateSet.Default.French);

        var error = Assert.Throws<NoticeTemplateException>(() => _renderer.Render(broken, NoticeModels.For("en")));

        Assert.DoesNotContain("Jane", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithoutNames_GreetsEveryone() =>
        Assert.StartsWith("To the people affected,",
            _renderer.Render(NoticeTemplateSet.Default, NoticeModels.For(NoticeLanguage.English).WithoutPerson()).Body, StringComparison.Ordinal);

    [Theory]
    [InlineData("en", "Pat Okafor", "Dear Pat Okafor,", "parent or guardian of Jane Doe", "the personal information of the person in your care", "your personal information")]
    [InlineData("en", null, "To the parent or guardian,", "You can take these steps for the person in your care:", "in your care", "Dear Jane")]
    [InlineData("fr", "Pat Okafor", "Bonjour Pat Okafor,", "parent ou tuteur de Jane Doe", "les renseignements personnels de la personne dont vous avez la charge", "vos renseignements personnels")]
    [InlineData("fr", null, "Au parent ou tuteur,", "Vous pouvez prendre ces mesures pour la personne dont vous avez la charge :", "dont vous avez la charge", "Bonjour Jane")]
    public void Render_ToAGuardian_GreetsTheGuardianAndSpeaksOfThePersonInTheirCare(
        string language, string? guardian, string greeting, string naming, string care, string absent)
    {
        var model = NoticeModels.For(language).AddressedTo(new NoticeAddressee(true, guardian));

        var notice = _renderer.Render(NoticeTemplateSet.Default, model);

        Assert.StartsWith(greeting + "\n", notice.Body, StringComparison.Ordinal);
        Assert.Contains(naming, notice.Body, StringComparison.Ordinal);
        Assert.Contains(care, notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(absent, notice.Body, StringComparison.Ordinal);
        Assert.Equal(language, notice.Language);
    }

    [Fact]
    public void Render_ToAGuardian_IsTheOrdinaryNoticeApartFromWhoItSpeaksTo()
    {
        var own = _renderer.Render(NoticeTemplateSet.Default, NoticeModels.For("en")).Body;
        var guardian = _renderer.Render(NoticeTemplateSet.Default, NoticeModels.For("en").AddressedTo(new NoticeAddressee(true, "Pat Okafor"))).Body;

        Assert.Equal(own[own.IndexOf("Who is writing to you", StringComparison.Ordinal)..own.IndexOf("What you can do", StringComparison.Ordinal)],
            guardian[guardian.IndexOf("Who is writing to you", StringComparison.Ordinal)..guardian.IndexOf("What you can do", StringComparison.Ordinal)]);
        Assert.Equal(own[own.IndexOf("- Be wary", StringComparison.Ordinal)..], guardian[guardian.IndexOf("- Be wary", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void Render_PublicNotice_NeverSpeaksToAGuardian() =>
        Assert.StartsWith("To the people affected,",
            _renderer.Render(NoticeTemplateSet.Default, NoticeModels.For("en").AddressedTo(new NoticeAddressee(true, "Pat Okafor")).WithoutPerson()).Body,
            StringComparison.Ordinal);

    [Fact]
    public void Render_DefaultEnglish_IsWordForWordWhatTheLiquidSubsetRendered()
    {
        var notice = _renderer.Render(NoticeTemplateSet.Default, NoticeModels.For("en"));

        Assert.Equal("Privacy breach notice from Ministry of Sample Services", notice.Subject);
        Assert.Equal("""
            Dear Jane Doe,

            We are writing to tell you about a privacy breach that involved your personal information.

            Who is writing to you
            - Ministry of Sample Services

            What happened
            An email meant for one client was sent to other clients.
            When it happened: on 2024-08-02.

            What kinds of information were involved
            - name
            - application number
            - client identifier

            This notice describes the kinds of information only. It does not repeat the information itself.

            What we are doing about it
            - We asked the recipients to delete the email.
            - We are changing how mass mailings are prepared.

            We have notified the Information and Privacy Commissioner for British Columbia.

            What you can do
            - Be wary of messages that claim to come from us.

            Who to contact
            If you have questions, please contact:
            Privacy Office
            Email: privacy@example.gov.bc.ca
            Phone: 250-555-0100

            A caution about email
            Email is not a secure channel. We will never ask you for personal information by email. Please do not send personal information by email. If a message that seems to come from us asks for personal information, do not answer it: call us instead.

            """, notice.Body);
    }
}
