using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Notifications.Domain.Notices;

/// <summary>
/// The identifying values of everyone in an incident (names as "Given Family" and "Family Given", emails, postal
/// addresses, person ids and identifiers), kept only as salted 64-bit hashes of their compact form, so the fan-out can
/// hold it for hundreds of thousands of people without holding their data.
/// </summary>
/// <remarks>
/// Build it once per incident (or per batch, from the batch and a sample of the incident) and share it across a worker's
/// batches; lookups are read-only and thread-safe. To lint, every run of up to <see cref="MaxTokens"/> consecutive
/// tokens of the notice whose joined length is one the index holds is hashed and looked up; the person's own values are
/// excluded by hash. A false match (two values sharing 64 bits) blocks a notice for review; with a million values it
/// happens about once in 10^13 lookups, and it can never let a real match through. Values shorter than
/// <see cref="MinimumLength"/> letters and digits are not indexed, so a two-digit client id does not block every date.
/// </remarks>
public sealed class OtherPeopleIndex
{
    /// <summary>Values shorter than this (letters and digits only) are not indexed.</summary>
    public const int MinimumLength = 4;

    private const int TokenCap = 16;
    private readonly HashSet<ulong> _hashes = [];
    private readonly HashSet<int> _lengths = [];
    private readonly HashSet<ulong> _familyHashes = [];
    private readonly HashSet<int> _familyLengths = [];
    private readonly byte[] _salt;
    private readonly bool _foldAccents;
    private int _maxFamilyTokens;

    /// <summary>Titles before a family name, English and French, as folded tokens ("M." is "m", "Mme" is "mme").</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "mx", "miss", "mister", "madam", "dr", "doctor", "prof", "professor",
        "m", "mme", "mmes", "mlle", "madame", "monsieur", "mademoiselle", "dre", "docteur", "docteure", "professeur", "professeure",
    };

    /// <summary>An index of these people's identifying values.</summary>
    /// <param name="people">Everyone in the incident (or batch); the person being linted may be among them.</param>
    /// <param name="salt">Optional secret mixed into every hash (e.g. per incident), so the hashes alone reveal nothing.</param>
    public OtherPeopleIndex(IEnumerable<LintSubject> people, ReadOnlySpan<byte> salt = default)
        : this(people.SelectMany(p => p.IdentifyingValues()), salt)
    {
    }

    private OtherPeopleIndex(IEnumerable<string> values, ReadOnlySpan<byte> salt, bool foldAccents = false)
    {
        _salt = salt.ToArray();
        _foldAccents = foldAccents;
        foreach (var value in values)
        {
            var tokens = Tokenize(value);
            var compact = string.Concat(tokens);
            if (compact.Length >= MinimumLength && tokens.Count <= TokenCap)
            {
                _hashes.Add(Hash(compact));
                _lengths.Add(compact.Length);
                MaxTokens = Math.Max(MaxTokens, tokens.Count);
            }
        }
    }

    /// <summary>An index of raw values supplied by the caller (names as "Given Family", emails, identifiers).</summary>
    public static OtherPeopleIndex FromValues(IEnumerable<string> values) => new(values, default);

    /// <summary>
    /// An index for officer-written text (the notice content, checked before it is stored): the same values, compared
    /// without case or accents ("Zoe Belanger" finds Zoé Bélanger), and also each family name after a title
    /// ("Mr. Quince", "Mme Gagnon", "Dr Li"). Names still match as whole words only.
    /// </summary>
    public static OtherPeopleIndex ForText(IEnumerable<LintSubject> people, ReadOnlySpan<byte> salt = default)
    {
        var list = people as IReadOnlyCollection<LintSubject> ?? people.ToList();
        var index = new OtherPeopleIndex(list.SelectMany(p => p.IdentifyingValues()), salt, foldAccents: true);
        foreach (var family in list.Select(p => p.FamilyName).Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            var tokens = index.Tokenize(family);
            var compact = string.Concat(tokens);
            if (compact.Length >= 2 && tokens.Count <= TokenCap)
            {
                index._familyHashes.Add(index.Hash(compact));
                index._familyLengths.Add(compact.Length);
                index._maxFamilyTokens = Math.Max(index._maxFamilyTokens, tokens.Count);
            }
        }

        return index;
    }

    /// <summary>How many distinct hashes it holds.</summary>
    public int Count => _hashes.Count;

    /// <summary>The most tokens any indexed value has.</summary>
    public int MaxTokens { get; private set; }

    /// <summary>The notice text runs that match someone's value, except the values of <paramref name="self"/>.</summary>
    public IReadOnlyList<string> FindIn(string text, LintSubject? self)
    {
        var own = self is null
            ? []
            : self.IdentifyingValues().Select(v => string.Concat(Tokenize(v))).Where(c => c.Length > 0).Select(Hash).ToHashSet();
        var tokens = Tokenize(text);
        var matches = new List<string>();
        var joined = new StringBuilder();
        for (var start = 0; start < tokens.Count; start++)
        {
            joined.Clear();
            for (var end = start; end < tokens.Count && end - start < MaxTokens; end++)
            {
                joined.Append(tokens[end]);
                if (!_lengths.Contains(joined.Length))
                {
                    continue;
                }

                var hash = Hash(joined.ToString());
                if (_hashes.Contains(hash) && !own.Contains(hash))
                {
                    matches.Add(string.Join(' ', tokens.Skip(start).Take(end - start + 1)));
                }
            }
        }

        if (_familyHashes.Count > 0)
        {
            matches.AddRange(FamilyNamesAfterTitles(tokens, self));
        }

        return matches;
    }

    /// <summary>"Mr Quince": a title token, then a run of tokens that joins to someone's family name (not the person's own).</summary>
    private IEnumerable<string> FamilyNamesAfterTitles(List<string> tokens, LintSubject? self)
    {
        var own = self is null ? "" : string.Concat(Tokenize(self.FamilyName));
        var joined = new StringBuilder();
        for (var title = 0; title < tokens.Count - 1; title++)
        {
            if (!Titles.Contains(tokens[title]))
            {
                continue;
            }

            joined.Clear();
            for (var end = title + 1; end < tokens.Count && end - title <= _maxFamilyTokens; end++)
            {
                joined.Append(tokens[end]);
                var compact = joined.ToString();
                if (_familyLengths.Contains(compact.Length) && compact != own && _familyHashes.Contains(Hash(compact)))
                {
                    yield return string.Join(' ', tokens.Skip(title).Take(end - title + 1));
                }
            }
        }
    }

    /// <summary>The tokens values and texts are compared by: <see cref="NoticeText.Tokens"/>, without accents for <see cref="ForText"/>.</summary>
    private List<string> Tokenize(string text) => NoticeText.Tokens(_foldAccents ? NoticeText.FoldAccents(text) : text);

    private ulong Hash(string compact)
    {
        var bytes = new byte[_salt.Length + Encoding.UTF8.GetByteCount(compact)];
        _salt.CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(compact, bytes.AsSpan(_salt.Length));
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(bytes, digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }
}
