using System.Text.RegularExpressions;

namespace Notifications.Domain.Notices;

/// <summary>
/// EN/FR parity: both versions of a notice must carry the same numbers (dates, counts, phone numbers), the same email
/// addresses and the same number of list items in each list section (public bodies, kinds of information, steps).
/// </summary>
public static partial class NoticeParity
{
    /// <summary>A finding for each kind of value that differs between the two versions.</summary>
    public static IReadOnlyList<LintFinding> Compare(RenderedNotice one, RenderedNotice other)
    {
        var findings = new List<LintFinding>();
        var (a, b) = (one.FullText, other.FullText);
        var numbersA = Numbers(a);
        var numbersB = Numbers(b);
        if (!numbersA.SequenceEqual(numbersB))
        {
            var differing = numbersA.Except(numbersB).Concat(numbersB.Except(numbersA)).Distinct().Select(NoticeText.Mask);
            findings.Add(new(LintCodes.ParityMismatch,
                $"The {one.Language} and {other.Language} versions carry different numbers (dates, counts or phone numbers): {string.Join(", ", differing)}."));
        }

        if (!Emails(a).SetEquals(Emails(b)))
        {
            findings.Add(new(LintCodes.ParityMismatch,
                $"The {one.Language} and {other.Language} versions carry different email addresses."));
        }

        foreach (var code in NoticeMarkers.ListSections)
        {
            var countA = ListItems(a, NoticeMarkers.For(code, one.Language));
            var countB = ListItems(b, NoticeMarkers.For(code, other.Language));
            if (countA != countB)
            {
                findings.Add(new(LintCodes.ParityMismatch,
                    $"The {one.Language} version lists {countA} item(s) for '{code}' and the {other.Language} version {countB}.", code));
            }
        }

        return findings;
    }

    /// <summary>The digit runs of the text, sorted.</summary>
    internal static List<string> Numbers(string text) =>
        [.. DigitRun().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    /// <summary>The email addresses of the text, lower case.</summary>
    internal static HashSet<string> Emails(string text) =>
        EmailLike().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ';', ')').ToLowerInvariant()).ToHashSet();

    /// <summary>How many "- " lines follow the section heading, up to the next line that is not a list item; -1 when no heading.</summary>
    internal static int ListItems(string text, string? heading)
    {
        if (heading is null)
        {
            return -1;
        }

        var lines = text.Split('\n').Select(l => l.Trim()).ToArray();
        var at = Array.FindIndex(lines, l => NoticeText.ContainsPhrase(l, heading));
        if (at < 0)
        {
            return -1;
        }

        var count = 0;
        foreach (var line in lines.Skip(at + 1).SkipWhile(l => l.Length == 0))
        {
            if (!line.StartsWith("- ", StringComparison.Ordinal))
            {
                break;
            }

            count++;
        }

        return count;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"[^\s@<>()""]+@[^\s@<>()""]+\.[^\s@<>()""]+")]
    private static partial Regex EmailLike();
}
