using System.Globalization;
using System.Text;

namespace Notifications.Domain.Notices;

/// <summary>Text helpers the notice checks share: folding for comparison, alphanumeric tokens and masking.</summary>
internal static class NoticeText
{
    /// <summary>Lower case, typographic apostrophes folded, whitespace collapsed: how phrases are compared.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Accents removed (é → e, ç → c, ő → o) and the ligatures œ, æ and ß spelled out, so "Zoé Bélanger" and "ZOE BELANGER"
    /// compare equal once lower-cased. Letters stay letters: an accented letter never becomes a word boundary. A table,
    /// not <see cref="string.Normalize()"/>, because the app runs with invariant globalization (which does not decompose).
    /// </summary>
    public static string FoldAccents(string text)
    {
        if (text.All(char.IsAscii))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\u0300' and <= '\u036F')
            {
                continue; // a combining accent written after its letter
            }

            var at = c < 'À' ? -1 : AccentedLetters.IndexOf(c, StringComparison.Ordinal);
            if (at >= 0)
            {
                builder.Append(PlainLetters[at]);
                continue;
            }

            builder.Append(c switch
            {
                'œ' => "oe",
                'Œ' => "OE",
                'æ' => "ae",
                'Æ' => "AE",
                'ß' => "ss",
                'ø' => "o",
                'Ø' => "O",
                'ł' => "l",
                'Ł' => "L",
                'đ' => "d",
                'Đ' => "D",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>Every letter of U+00C0 to U+024F that is a Latin letter with diacritics, and the letter without them below.</summary>
    private const string AccentedLetters =
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈ"
        + "ĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗ"
        + "ŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦ"
        + "ǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ";

    private const string PlainLetters =
        "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcC"
        + "cCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRr"
        + "RrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaG"
        + "gKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYy";

    /// <summary>True when the folded text contains the folded phrase.</summary>
    public static bool ContainsPhrase(string text, string phrase) => ContainsFolded(Fold(text), phrase);

    /// <summary>True when <paramref name="folded"/> (a <see cref="Fold"/>ed text) contains the folded phrase.</summary>
    public static bool ContainsFolded(string folded, string phrase) => folded.Contains(Fold(phrase), StringComparison.Ordinal);

    /// <summary>The runs of letters and digits, lower case, with accents kept: "A-2024 0001" gives a, 2024, 0001.</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>A value with spacing and punctuation removed: "A-2024-0001" and "a 2024 0001" both give "a20240001".</summary>
    public static string Compact(string value) => string.Concat(Tokens(value));

    /// <summary>
    /// True when some run of consecutive text tokens joins to exactly <paramref name="compact"/>, so matches respect
    /// token boundaries ("A 2024 0001" matches "A-2024-0001"; "xA20240001x" does not).
    /// </summary>
    public static bool ContainsCompact(IReadOnlyList<string> tokens, string compact)
    {
        if (compact.Length == 0)
        {
            return false;
        }

        for (var start = 0; start < tokens.Count; start++)
        {
            var length = 0;
            for (var end = start; end < tokens.Count; end++)
            {
                var token = tokens[end];
                if (length + token.Length > compact.Length
                    || string.CompareOrdinal(compact, length, token, 0, token.Length) != 0)
                {
                    break;
                }

                length += token.Length;
                if (length == compact.Length)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>All but the first two characters masked, so a finding never echoes a value in full.</summary>
    public static string Mask(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length <= 2 ? new string('*', trimmed.Length) : string.Concat(trimmed.AsSpan(0, 2), new string('*', trimmed.Length - 2));
    }

    /// <summary>A birth date in the spellings a notice might use (ISO, day-first and month-first), compacted.</summary>
    public static IEnumerable<string> DateSpellings(DateOnly date)
    {
        yield return date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        yield return date.ToString("ddMMyyyy", CultureInfo.InvariantCulture);
        yield return date.ToString("MMddyyyy", CultureInfo.InvariantCulture);
    }
}
