using Notifications.Domain.Notices;

namespace Notifications.Infrastructure.Notices;

/// <summary>
/// The public (indirect) notice of FOIPP Regulation s.11.1(2): the same content as a direct notice, in both languages,
/// with no personal information: the models lose their names before rendering, so the greeting is a general one.
/// </summary>
public static class IndirectNotice
{
    /// <summary>Renders the English and French public notice from the incident's models (names, if any, are dropped).</summary>
    public static (RenderedNotice En, RenderedNotice Fr) Render(NoticeRenderer renderer, NoticeTemplateSet set, NoticeModel english, NoticeModel french) =>
        (renderer.Render(set, english.WithoutPerson() with { Language = NoticeLanguage.English }),
         renderer.Render(set, french.WithoutPerson() with { Language = NoticeLanguage.French }));
}
