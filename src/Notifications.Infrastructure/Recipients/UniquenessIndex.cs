namespace Notifications.Infrastructure.Recipients;

/// <summary>
/// The first line each value was seen on, keyed by its <see cref="ContactHash"/>: about 40 bytes a row, so 4 MB
/// for 100,000 rows, and the file itself is never held. Chosen over marker rows in a table because it costs no
/// storage round trip per row, and the file must be read to the end in one request anyway.
/// </summary>
internal sealed class UniquenessIndex
{
    private readonly Dictionary<UInt128, long> _firstLine = [];

    /// <summary>Records <paramref name="key"/> at <paramref name="line"/>; false, with the earlier line, when it was seen before.</summary>
    public bool TryAdd(UInt128 key, long line, out long firstLine)
    {
        if (_firstLine.TryAdd(key, line))
        {
            firstLine = line;
            return true;
        }

        firstLine = _firstLine[key];
        return false;
    }
}
