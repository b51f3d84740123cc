using System.Text.RegularExpressions;

namespace Notifications.Domain.Notices;

/// <summary>One piece of personal information found in a text: its kind and the text as written.</summary>
internal sealed record PatternMatch(string Kind, int Index, string Value);

/// <summary>What a scan found, and the stretches of text it allowed: the office's contacts, toll-free numbers, dates.</summary>
internal sealed record PatternScan(IReadOnlyList<PatternMatch> Found, IReadOnlyList<(int Start, int End)> Allowed)
{
    /// <summary>The text with every allowed stretch blanked, for a look-up that must not find anyone in them.</summary>
    public string WithoutAllowed(string text)
    {
        var chars = text.ToCharArray();
        foreach (var (start, end) in Allowed)
        {
            Array.Fill(chars, ' ', start, end - start);
        }

        return new string(chars);
    }
}

/// <summary>
/// The identifiers a privacy officer might type into notice text by mistake, found by their shape: social insurance
/// numbers (Luhn-valid), birth dates (a full date by a birth word, or a full date long before the breach), numbers after
/// an identifier word, email addresses and phone numbers. The office's own email and phone, toll-free numbers and the
/// breach's own dates are allowed. Each stretch of text is reported once, under the first kind that claims it.
/// </summary>
internal static partial class PersonalDataPatterns
{
    /// <summary>A year alone ("in 2024"), which an identifier of the same digits must not turn into a person.</summary>
    public static bool IsYear(string value) =>
        value.Length == 4 && value.All(char.IsAsciiDigit) && value[..2] is "19" or "20";

    /// <summary>North American toll-free area codes: an organisation's number, never a person's.</summary>
    private static readonly HashSet<string> TollFree = ["800", "833", "844", "855", "866", "877", "888"];

    /// <summary>How far (characters, words) a date may follow a birth word: "born in Victoria on 12 April 1961".</summary>
    private const int BirthWordReach = 30;

    private const int BirthWordGapWords = 4;

    public static PatternScan Find(string text, ContentRules rules)
    {
        var claimed = new List<(int Start, int End)>();
        var allowed = new List<(int Start, int End)>();
        var found = new List<PatternMatch>();
        bool Take(int index, int length)
        {
            if (claimed.Any(c => index < c.End && c.Start < index + length))
            {
                return false;
            }

            claimed.Add((index, index + length));
            return true;
        }

        void Claim(int index, int length)
        {
            if (Take(index, length))
            {
                allowed.Add((index, index + length));
            }
        }

        void Report(string kind, int index, int length)
        {
            if (Take(index, length))
            {
                found.Add(new(kind, index, text.Substring(index, length)));
            }
        }

        foreach (Match m in EmailLike().Matches(text))
        {
            var value = m.Value.TrimEnd('.', '-');
            if (string.Equals(value, rules.OfficeEmail, StringComparison.OrdinalIgnoreCase))
            {
                Claim(m.Index, value.Length);
            }
            else
            {
                Report(ContentFindingKinds.Email, m.Index, value.Length);
            }
        }

        foreach (Match m in SinLike().Matches(text))
        {
            if (Luhn(string.Concat(m.Value.Where(char.IsAsciiDigit))))
            {
                Report(ContentFindingKinds.Sin, m.Index, m.Length);
            }
        }

        foreach (Match m in PhoneLike().Matches(text))
        {
            var digits = ContentRules.PhoneDigits(m.Value);
            if (digits.Length < 8)
            {
                continue;
            }

            if (digits == rules.OfficePhoneDigits || (digits.Length == 10 && TollFree.Contains(digits[..3])))
            {
                Claim(m.Index, m.Length);
            }
            else
            {
                Report(ContentFindingKinds.Phone, m.Index, m.Length);
            }
        }

        // The breach's own dates are allowed everywhere (a notice must say when it happened), and are no identifier.
        var dates = DateMentions.In(text);
        foreach (var date in dates.Where(d => d.Readings.Any(rules.BreachDates.Contains)))
        {
            Claim(date.Index, date.Length);
        }

        foreach (var date in dates.Where(d => NextToBirthWord(text, d)))
        {
            Report(ContentFindingKinds.BirthDate, date.Index, date.Length);
        }

        foreach (var date in dates.Where(d => d.IsFullDate))
        {
            if (rules.OldDateBefore is { } before && date.Readings.All(r => r < before))
            {
                Report(ContentFindingKinds.OldDate, date.Index, date.Length);
            }
            else
            {
                // A date is never an identifier's value: "files opened before 2024-08-03".
                Claim(date.Index, date.Length);
            }
        }

        foreach (Match m in rules.IdentifierPattern.Matches(text))
        {
            var value = m.Groups["value"];
            if (value.Value.Count(char.IsAsciiDigit) >= 3 && !IsYear(value.Value))
            {
                Report(ContentFindingKinds.Identifier, value.Index, value.Length);
            }
        }

        return new([.. found.OrderBy(f => f.Index)], allowed);
    }

    /// <summary>A birth word shortly before the date (nothing but a few words between, no sentence end), or right after it in brackets.</summary>
    private static bool NextToBirthWord(string text, DateMention date)
    {
        foreach (Match word in BirthWord().Matches(text))
        {
            var gapAfterWord = date.Index - (word.Index + word.Length);
            if (gapAfterWord >= 0 && gapAfterWord <= BirthWordReach)
            {
                var gap = text.Substring(word.Index + word.Length, gapAfterWord);
                if (!SentenceEnd().IsMatch(gap) && !ListWord().IsMatch(gap) && NoticeText.Tokens(gap).Count <= BirthWordGapWords)
                {
                    return true;
                }
            }

            var gapBeforeWord = word.Index - date.End;
            if (gapBeforeWord >= 0 && gapBeforeWord <= 6 && OnlyPunctuation().IsMatch(text.AsSpan(date.End, gapBeforeWord)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The Luhn check social insurance numbers pass.</summary>
    internal static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return digits.Length > 0 && sum % 10 == 0;
    }

    [GeneratedRegex(@"(?<![\w.+\-'])[\w.+\-']+@[\w\-]+(?:\.[\w\-]+)+")]
    private static partial Regex EmailLike();

    /// <summary>Nine digits in three groups of three, each separated by at most one space, dash or dot (or nothing).</summary>
    [GeneratedRegex(@"(?<!\d)\d{3}[ \u00A0.\-‐–]?\d{3}[ \u00A0.\-‐–]?\d{3}(?!\d)")]
    private static partial Regex SinLike();

    /// <summary>
    /// A North American number (with or without +1, brackets, spaces, dots or dashes), or an international one with +
    /// (run together, or in groups of at most five digits: bounded, so a long run of digits cannot make it backtrack).
    /// </summary>
    [GeneratedRegex(@"(?<![\d+])(?:(?:\+?1[ \u00A0.\-]?)?(?:\(\d{3}\)[ \u00A0]?|\d{3}[ \u00A0.\-]?)\d{3}[ \u00A0.\-]?\d{4}|\+\d{8,15}|\+\d{1,3}(?:[ \u00A0.\-]?\(\d{1,4}\)|[ \u00A0.\-]\d{1,5}){2,6})(?!\d)")]
    private static partial Regex PhoneLike();

    /// <summary>English and French words that say a date is a birth date: born, birth, birthday, birthdate, DOB, né(e), naissance, DDN.</summary>
    [GeneratedRegex(@"(?<!\p{L})(?:date\s+of\s+birth|date\s+de\s+naissance|born|birth(?:day|date)?s?|dob|d\.o\.b\.?|né(?:\(e\)|e)?s?|naissance|ddn)(?!\p{L})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BirthWord();

    [GeneratedRegex(@"[;!?\n]|\.\s")]
    private static partial Regex SentenceEnd();

    /// <summary>A list goes on ("birth dates and, on 5 August, addresses"): the date belongs to something else.</summary>
    [GeneratedRegex(@"(?<!\p{L})(?:and|or|et|ou)(?!\p{L})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListWord();

    [GeneratedRegex(@"^[\s,(\[:\-–—]*$")]
    private static partial Regex OnlyPunctuation();
}
