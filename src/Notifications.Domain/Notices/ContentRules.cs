using System.Text.RegularExpressions;
using Notifications.Domain.Breach;
using Notifications.Domain.Policy;
using Notifications.Domain.Reports;

namespace Notifications.Domain.Notices;

/// <summary>
/// What <see cref="NoticeContentCheck"/> allows and looks for in one incident: the office's own email and phone (always
/// allowed), the breach's own dates (allowed, and the reference for dates too old to be anything but a birth date),
/// and the words an identifier follows (the pack's identifier vocabulary, the kinds of the import's identifiers and a
/// few common ones). Build it with <see cref="For"/>.
/// </summary>
public sealed class ContentRules
{
    /// <summary>A full date this many years or more before the breach is taken for a birth date (<see cref="ContentFindingKinds.OldDate"/>).</summary>
    public const int OldDateYears = 10;

    /// <summary>Identifier words in every pack: English and French nouns a number of a person follows.</summary>
    public static IReadOnlyList<string> CommonIdentifierWords { get; } =
    [
        "application", "client", "customer", "account", "acct", "file", "case", "claim", "reference", "ref.", "ref", "member", "card",
        "policy", "licence", "license", "passport", "sin", "identifier", "id", "number", "no.", "n°", "nº", "#",
        "demande", "compte", "dossier", "réclamation", "référence", "membre", "carte", "permis", "passeport", "nas",
        "identifiant", "numéro", "numero",
    ];

    private static readonly string[] IdentifierLabelWords = ["number", "identifier", "account", "numéro", "identifiant", "compte"];

    private static readonly HashSet<string> NotIdentifierWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "information", "informations", "renseignements", "such", "comme", "sur", "the", "les", "des",
    };

    private ContentRules(string? officeEmail, string? officePhone, IReadOnlyList<DateOnly> breachDates, IReadOnlyList<string> identifierWords)
    {
        OfficeEmail = officeEmail?.Trim();
        OfficePhoneDigits = officePhone is null ? null : PhoneDigits(officePhone);
        BreachDates = breachDates;
        OldDateBefore = breachDates.Count == 0 ? null : breachDates.Min().AddYears(-OldDateYears);
        IdentifierWords = identifierWords;
        IdentifierPattern = new Regex(IdentifierRegex(identifierWords), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }

    /// <summary>The privacy office's own address (configuration <c>PrivacyOffice:Email</c>): allowed anywhere.</summary>
    public string? OfficeEmail { get; }

    /// <summary>The digits of the office's own phone (<c>PrivacyOffice:Phone</c>), without a leading 1: allowed anywhere.</summary>
    public string? OfficePhoneDigits { get; }

    /// <summary>The breach's own dates (occurred, discovered, determined): allowed anywhere.</summary>
    public IReadOnlyList<DateOnly> BreachDates { get; }

    /// <summary>Full dates before this (the earliest breach date less <see cref="OldDateYears"/> years) are taken for birth dates.</summary>
    public DateOnly? OldDateBefore { get; }

    /// <summary>The words an identifier follows, as given.</summary>
    public IReadOnlyList<string> IdentifierWords { get; }

    /// <summary>An identifier word, up to three connecting words (number, no., #, de...), then a value with a digit.</summary>
    internal Regex IdentifierPattern { get; }

    /// <summary>The rules for an incident: its facts and pack, the office's contact person and the import's identifier kinds.</summary>
    /// <param name="importIdentifierKinds">The kinds of the identifiers of the current import (<c>application</c>, <c>client</c>...).</param>
    public static ContentRules For(PolicyPack pack, BreachFacts? facts, ContactPerson? office, IEnumerable<string> importIdentifierKinds)
    {
        var dates = new List<DateOnly>();
        if (facts is not null)
        {
            dates.AddRange(new[] { facts.Occurred.On, facts.Occurred.From, facts.Occurred.To, facts.Discovered, facts.Determined }
                .Where(d => d is not null)
                .Select(d => DateOnly.FromDateTime(d!.Value.UtcDateTime)));
        }

        var words = CommonIdentifierWords
            .Concat(PackIdentifierWords(pack))
            .Concat(importIdentifierKinds.Where(k => k.Length >= 2 && k.Any(char.IsLetter)))
            .Select(w => w.Trim())
            .Where(w => w.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ContentRules(office?.Email, office?.Phone, dates.Distinct().ToList(), words);
    }

    /// <summary>
    /// The labels of the pack's kinds of information that are numbers or identifiers ("application number", "numéro de
    /// demande", "client identifier", "bank account information"...), whole and word by word, without their parentheses.
    /// </summary>
    public static IEnumerable<string> PackIdentifierWords(PolicyPack pack)
    {
        foreach (var term in pack.Vocabulary.PersonalInformation)
        {
            foreach (var label in new[] { term.Labels.En, term.Labels.Fr })
            {
                var plain = Regex.Replace(label, @"\([^)]*\)", " ", RegexOptions.None, TimeSpan.FromSeconds(1)).Trim();
                var words = NoticeText.Tokens(plain);
                if (!words.Any(w => IdentifierLabelWords.Contains(w, StringComparer.OrdinalIgnoreCase)))
                {
                    continue;
                }

                yield return plain;
                foreach (var word in words.Where(w => w.Length >= 4 && !NotIdentifierWords.Contains(w)))
                {
                    yield return word;
                }
            }
        }
    }

    /// <summary>The digits of a phone number, without the North American country code.</summary>
    internal static string PhoneDigits(string phone)
    {
        var digits = string.Concat(phone.Where(char.IsAsciiDigit));
        return digits.Length == 11 && digits[0] == '1' ? digits[1..] : digits;
    }

    private static string IdentifierRegex(IEnumerable<string> words)
    {
        static string Word(string w) => string.Join(@"(?:\s+|['’]\s*)", w.Split([' ', '\''], StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));
        var alternatives = string.Join('|', words.OrderByDescending(w => w.Length).Select(Word));
        const string Connector = @"(?:numbers?|nos?\.|nos?|n°|nº|num|numéros?|numeros?|ids?|identifiers?|identifiants?|de|du|d['’]|of|is|was|est)";
        const string Gap = @"[\s:#()\[\]\-–—]{0,4}";
        return $@"(?<![\p{{L}}\p{{N}}])(?:{alternatives})s?(?!\p{{L}})(?:{Gap}{Connector}(?!\p{{L}}))" + "{0,3}" + Gap
            + @"(?<value>(?=[\p{L}\p{N}\-/.]*\p{N})[\p{L}\p{N}]+(?:[\-/.][\p{L}\p{N}]+)*)";
    }
}
