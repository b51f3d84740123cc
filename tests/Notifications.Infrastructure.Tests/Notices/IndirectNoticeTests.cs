using Notifications.Infrastructure.Notices;

namespace Notifications.Infrastructure.Tests.Notices;

public sealed class IndirectNoticeTests
{
    [Fact]
    public void Page_HasBothLanguagesAndNoNames()
    {
        var (en, fr) = IndirectNotice.Render(new NoticeRenderer(), NoticeTemplateSet.Default,
            NoticeModels.For("en", "Jane", "Doe"), NoticeModels.For("fr", "Jane", "Doe"));

        var html = IndirectNoticePage.Html(en, fr);

        Assert.Contains("<section id=\"en\" lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"fr\" lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2>What kinds of information were involved</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Types de renseignements en cause</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li>numéro de demande</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Doe", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Page_EncodesText()
    {
        var model = NoticeModels.For("en") with { BreachSummary = "<script>alert(1)</script> & more" };
        var (en, fr) = IndirectNotice.Render(new NoticeRenderer(), NoticeTemplateSet.Default, model, NoticeModels.For("fr"));

        var html = IndirectNoticePage.Html(en, fr);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }
}
