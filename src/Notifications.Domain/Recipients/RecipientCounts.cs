namespace Notifications.Domain.Recipients;

/// <summary>What one import holds, for the manifest, the Commissioner report and the fan-out plan.</summary>
public sealed record RecipientCounts(
    long Rows,
    IReadOnlyDictionary<string, long> ByLanguage,
    IReadOnlyDictionary<string, long> ByJurisdiction,
    IReadOnlyDictionary<NoticeChannel, long> ByChannel,
    long Withheld,
    long NoEmailButPostal,
    long NoContact);

/// <summary>Accumulates <see cref="RecipientCounts"/> row by row.</summary>
public sealed class RecipientTally
{
    /// <summary>More distinct jurisdictions than this means the column holds something else (a slipped column).</summary>
    public const int MaxJurisdictions = 100;

    private readonly SortedDictionary<string, long> _languages = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _jurisdictions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<NoticeChannel, long> _channels = [];
    private long _rows;
    private long _withheld;
    private long _noEmailButPostal;
    private long _noContact;

    /// <summary>Whether <paramref name="jurisdiction"/> can be counted without exceeding <see cref="MaxJurisdictions"/>.</summary>
    public bool CanCount(string jurisdiction) =>
        _jurisdictions.ContainsKey(jurisdiction) || _jurisdictions.Count < MaxJurisdictions;

    public void Add(RecipientRow row)
    {
        _rows++;
        Increment(_languages, row.Language);
        Increment(_jurisdictions, row.Jurisdiction);
        Increment(_channels, row.Channel);
        var hasEmail = row.Email is not null || row.GuardianEmail is not null;
        _withheld += row.Withhold ? 1 : 0;
        _noEmailButPostal += !hasEmail && row.PostalAddress is not null ? 1 : 0;
        _noContact += !hasEmail && row.PostalAddress is null ? 1 : 0;
    }

    public RecipientCounts ToCounts() => new(
        _rows, new Dictionary<string, long>(_languages), new Dictionary<string, long>(_jurisdictions),
        new Dictionary<NoticeChannel, long>(_channels), _withheld, _noEmailButPostal, _noContact);

    private static void Increment<TKey>(SortedDictionary<TKey, long> counts, TKey key)
        where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
