using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Notifications.Domain.Notices;

namespace Notifications.Functions.Letters;

/// <summary>
/// The printable file: one HTML document, one letter per printed page (<c>break-after: page</c>), each an
/// <c>article</c> with the person's language in <c>lang</c>, the address block (the addressee's name, the person's or their
/// guardian's, and the stored postal address, line by line) and the notice: its subject as the heading, "- " lines as lists. Every text is HTML-encoded
/// (<see cref="HtmlEncoder"/>); no scripts, nothing loaded from elsewhere.
/// </summary>
public sealed class LetterHtmlWriter(Stream output) : ILetterWriter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Letters / Lettres</title>
        <style>
        @page { size: letter; margin: 2cm; }
        body { font-family: Georgia, serif; font-size: 12pt; line-height: 1.4; }
        .letter { page-break-after: always; break-after: page; }
        .letter:last-child { page-break-after: auto; break-after: auto; }
        .letter address { font-style: normal; margin: 3cm 0 2em; }
        .letter h1 { font-size: 14pt; }
        .letter h2 { font-size: 12pt; margin-bottom: 0.2em; }
        </style>
        </head>
        <body>

        """;

    private readonly StreamWriter _text = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);

    public Task BeginAsync(CancellationToken ct) => _text.WriteAsync(Head.AsMemory(), ct);

    public Task WriteAsync(Letter letter, CancellationToken ct)
    {
        var language = NoticeLanguage.Normalize(letter.Language);
        var html = new StringBuilder(letter.Body.Length * 2);
        html.Append("<article class=\"letter\" lang=\"").Append(language).Append("\">\n<address>")
            .Append(Encode(letter.AddressedTo));
        foreach (var line in letter.Address.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<br>\n").Append(Encode(line));
        }

        html.Append("</address>\n<h1>").Append(Encode(letter.Subject)).Append("</h1>\n");
        AppendBody(html, letter.Body, language);
        html.Append("</article>\n");
        return _text.WriteAsync(html, ct);
    }

    public async Task EndAsync(CancellationToken ct)
    {
        await _text.WriteAsync("</body>\n</html>\n".AsMemory(), ct);
        await _text.FlushAsync(ct);
    }

    public ValueTask DisposeAsync() => _text.DisposeAsync();

    private static void AppendBody(StringBuilder html, string body, string language)
    {
        var inList = false;
        foreach (var raw in body.Split('\n'))
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
                var tag = IsHeading(line, language) ? "h2" : "p";
                html.Append('<').Append(tag).Append('>').Append(Encode(line)).Append("</").Append(tag).Append(">\n");
            }
        }

        html.Append(inList ? "</ul>\n" : "");
    }

    /// <summary>The default templates' section headings (the pack elements' phrases), as on the public notice page.</summary>
    private static bool IsHeading(string line, string language) =>
        NoticeMarkers.ListSections.Concat(["breachDescription", "contactDetails"])
            .Select(code => NoticeMarkers.For(code, language))
            .Any(phrase => string.Equals(phrase, line, StringComparison.OrdinalIgnoreCase));

    private static string Encode(string text) => Encoder.Encode(text);
}
