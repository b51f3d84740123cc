namespace Notifications.Domain.Notices;

/// <summary>A notice as it would be sent: plain text in one language, with the template version that produced it.</summary>
/// <param name="Language">"en" or "fr".</param>
/// <param name="Subject">The email subject (or letter title).</param>
/// <param name="Body">The plain-text body.</param>
/// <param name="TemplateVersion">The content hash of the template set that rendered it.</param>
public sealed record RenderedNotice(string Language, string Subject, string Body, string TemplateVersion)
{
    /// <summary>Subject and body, as the linter reads them.</summary>
    public string FullText => Subject + "\n" + Body;
}
