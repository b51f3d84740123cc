using System.Globalization;
using System.Text.RegularExpressions;

namespace Notifications.Domain.Notices;

/// <summary>A date written in a text: where, and what it can mean (01/02/1961 is 1 February or 2 January).</summary>
/// <param name="Index">Where it starts.</param>
/// <param name="Length">How long it is.</param>
/// <param name="Readings">The calendar dates it can be; empty for a month and year without a day.</param>
internal sealed record DateMention(int Index, int Length, IReadOnlyList<DateOnly> Readings)
{
    public int End => Index + Length;

    /// <summary>True when the mention has a day, a month and a year.</summary>
    public bool IsFullDate => Readings.Count > 0;
}

/// <summary>
/// Finds dates the way people write them in English and French notices: 1961-04-12, 12/04/1961, April 12, 1961,
/// 12 April 1961, le 12 avril 1961, 1er avril 1961, and a month with its year (April 1961, avril 1961). Years 1900 to 2099.
/// </summary>
internal static partial class DateMentions
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["jan"] = 1, ["janvier"] = 1, ["janv"] = 1,
        ["february"] = 2, ["feb"] = 2, ["février"] = 2, ["fevrier"] = 2, ["févr"] = 2, ["fevr"] = 2,
        ["march"] = 3, ["mar"] = 3, ["mars"] = 3,
        ["april"] = 4, ["apr"] = 4, ["avril"] = 4, ["avr"] = 4,
        ["may"] = 5, ["mai"] = 5,
        ["june"] = 6, ["jun"] = 6, ["juin"] = 6,
        ["july"] = 7, ["jul"] = 7, ["juillet"] = 7, ["juil"] = 7,
        ["august"] = 8, ["aug"] = 8, ["août"] = 8, ["aout"] = 8,
        ["september"] = 9, ["sept"] = 9, ["sep"] = 9, ["septembre"] = 9,
        ["october"] = 10, ["oct"] = 10, ["octobre"] = 10,
        ["november"] = 11, ["nov"] = 11, ["novembre"] = 11,
        ["december"] = 12, ["dec"] = 12, ["décembre"] = 12, ["decembre"] = 12, ["déc"] = 12,
    };

    private const string MonthNames =
        "january|february|march|april|may|june|july|august|september|october|november|december"
        + "|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
        + "|janv|févr|fevr|juil|sept|jan|feb|mar|apr|avr|jun|jul|aug|sep|oct|nov|dec|déc";

    /// <summary>Every date in the text, full dates and months with a year, in order, none overlapping.</summary>
    public static IReadOnlyList<DateMention> In(string text)
    {
        var found = new List<DateMention>();
        void Add(Match m, IReadOnlyList<DateOnly> readings)
        {
            if (!found.Any(f => m.Index < f.End && f.Index < m.Index + m.Length))
            {
                found.Add(new(m.Index, m.Length, readings));
            }
        }

        foreach (Match m in YearFirst().Matches(text))
        {
            if (Date(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } date)
            {
                Add(m, [date]);
            }
        }

        foreach (Match m in DayOrMonthFirst().Matches(text))
        {
            var (a, b, y) = (m.Groups["a"].Value, m.Groups["b"].Value, m.Groups["y"].Value);
            var readings = new[] { Date(y, b, a), Date(y, a, b) }.OfType<DateOnly>().Distinct().ToList();
            if (readings.Count > 0)
            {
                Add(m, readings);
            }
        }

        foreach (Match m in MonthNameFirst().Matches(text).Concat(DayFirst().Matches(text)))
        {
            if (Date(m.Groups["y"].Value, Months[m.Groups["m"].Value].ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value) is { } date)
            {
                Add(m, [date]);
            }
        }

        foreach (Match m in MonthAndYear().Matches(text))
        {
            Add(m, []);
        }

        return [.. found.OrderBy(f => f.Index)];
    }

    private static DateOnly? Date(string year, string month, string day) =>
        int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2099
        && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12
        && int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})(?<s>[-/.])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})(?!\d)")]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"(?<!\d)(?<a>\d{1,2})(?<s>[-/.])(?<b>\d{1,2})\k<s>(?<y>\d{4})(?!\d)")]
    private static partial Regex DayOrMonthFirst();

    [GeneratedRegex(@"(?<!\p{L})(?<m>" + MonthNames + @")\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})(?!\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthNameFirst();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})(?:st|nd|rd|th|er|re)?\s+(?:of\s+)?(?<m>" + MonthNames + @")\.?,?\s+(?<y>\d{4})(?!\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"(?<!\p{L})(?<m>" + MonthNames + @")\.?,?\s+(?:of\s+|de\s+)?(?<y>(?:19|20)\d{2})(?!\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthAndYear();
}
