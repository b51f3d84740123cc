using System.Text;
using Notifications.Domain.Notices;

namespace Notifications.Infrastructure.Notices;

/// <summary>
/// The public page for an indirect notice (served at <c>GET /api/public/notices/{slug}</c>): one minimal, accessible
/// HTML page with the English and French versions, each in a section with its own <c>lang</c> and heading. No scripts,
/// no styles from elsewhere; every text is HTML-encoded, and "- " lines become lists.
/// </summary>
public static class IndirectNoticePage
{
    /// <summary>The page.</summary>
    public static string Html(RenderedNotice en, RenderedNotice fr)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(en.Subject)).Append(" / ").Append(Encode(fr.Subject)).Append("</title>\n")
            .Append("</head>\n<body>\n<main>\n")
            .Append("<p><a href=\"#fr\" lang=\"fr\">Version française</a></p>\n");
        Section(html, en, "en");
        Section(html, fr, "fr");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The page while the approved content does not pass the personal-information check: that the notice is not
    /// available, in English and French, and nothing of its text.
    /// </summary>
    public static string NotAvailableHtml() =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>Notice not available / Avis non disponible</title>\n</head>\n<body>\n<main>\n"
        + "<section lang=\"en\">\n<h1>This notice is not available</h1>\n"
        + "<p>This privacy breach notice is not available right now. Please check again later.</p>\n</section>\n"
        + "<section lang=\"fr\">\n<h1>Cet avis n'est pas disponible</h1>\n"
        + "<p>Cet avis d'atteinte à la vie privée n'est pas disponible pour le moment. Veuillez revenir plus tard.</p>\n</section>\n"
        + "</main>\n</body>\n</html>\n";

    private static void Section(StringBuilder html, RenderedNotice notice, string id)
    {
        html.Append("<section id=\"").Append(id).Append("\" lang=\"").Append(id).Append("\">\n")
            .Append("<h1>").Append(Encode(notice.Subject)).Append("</h1>\n");
        var inList = false;
        foreach (var raw in notice.Body.Split('\n'))
        {
            var line = raw.Trim();
            var item = line.StartsWith("- ", StringComparison.Ordinal);
            if (inList && !item)
            {
                html.Append("</ul>\n");
                inList = false;
            }

            if (item)
            {
                html.Append(inList ? "" : "<ul>\n").Append("<li>").Append(Encode(line[2..])).Append("</li>\n");
                inList = true;
            }
            else if (line.Length > 0)
            {
                var tag = IsHeading(line, notice.Language) ? "h2" : "p";
                html.Append('<').Append(tag).Append('>').Append(Encode(line)).Append("</").Append(tag).Append(">\n");
            }
        }

        html.Append(inList ? "</ul>\n" : "").Append("</section>\n");
    }

    private static bool IsHeading(string line, string language) =>
        NoticeMarkers.ListSections.Concat(["breachDescription", "contactDetails"])
            .Select(code => NoticeMarkers.For(code, language))
            .Any(phrase => string.Equals(phrase, line, StringComparison.OrdinalIgnoreCase));

    /// <summary>Escapes the five HTML-significant characters and keeps accented letters as UTF-8 text.</summary>
    private static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
