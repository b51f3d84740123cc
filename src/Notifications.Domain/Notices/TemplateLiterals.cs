using System.Text;
using System.Text.RegularExpressions;

namespace Notifications.Domain.Notices;

/// <summary>
/// The text the office typed into a Liquid template, which every notice carries as written: everything outside
/// <c>{{ … }}</c> outputs and <c>{% … %}</c> tags, and the quoted strings inside them (<c>{{ "…" }}</c> prints its
/// literal). Each tag becomes a line break, so literal text on either side of a tag is never read as one word.
/// A <c>{% raw %}</c> block is printed as written, so all of it is literal, braces included (ADR 0009 allows it).
/// Tolerant: an unclosed tag leaves the rest as text (the template checker reports the syntax error).
/// </summary>
public static partial class TemplateLiterals
{
    /// <summary>The literal text of a template source.</summary>
    public static string Of(string source)
    {
        var text = new StringBuilder(source.Length);
        var at = 0;
        while (at < source.Length)
        {
            var open = NextOpening(source, at);
            if (open < 0)
            {
                text.Append(source, at, source.Length - at);
                break;
            }

            var close = source.IndexOf(source[open + 1] == '{' ? "}}" : "%}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                text.Append(source, at, source.Length - at);
                break;
            }

            text.Append(source, at, open - at).Append('\n');
            if (source[open + 1] == '%' && source.AsSpan(open + 2, close - open - 2).Trim().Trim('-').Trim() is "raw")
            {
                var end = EndRaw().Match(source, close + 2);
                var stop = end.Success ? end.Index : source.Length;
                text.Append(source, close + 2, stop - close - 2).Append('\n');
                at = end.Success ? end.Index + end.Length : source.Length;
                continue;
            }

            foreach (var quoted in Quoted(source.AsSpan(open + 2, close - open - 2)))
            {
                text.Append(quoted).Append('\n');
            }

            at = close + 2;
        }

        return text.ToString();
    }

    private static int NextOpening(string source, int from)
    {
        for (var i = source.IndexOf('{', from); i >= 0 && i + 1 < source.Length; i = source.IndexOf('{', i + 1))
        {
            if (source[i + 1] is '{' or '%')
            {
                return i;
            }
        }

        return -1;
    }

    private static List<string> Quoted(ReadOnlySpan<char> inner)
    {
        var strings = new List<string>();
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] is not ('"' or '\''))
            {
                continue;
            }

            var end = inner[(i + 1)..].IndexOf(inner[i]);
            if (end < 0)
            {
                break;
            }

            strings.Add(inner.Slice(i + 1, end).ToString());
            i += end + 1;
        }

        return strings;
    }

    [GeneratedRegex(@"\{%-?\s*endraw\s*-?%\}")]
    private static partial Regex EndRaw();
}
