namespace Notifications.Domain.Recipients;

/// <summary>
/// The errors of one import, capped so that a file wrong on every row still yields a small answer: the first
/// <see cref="Cap"/> located errors, a count of the rest, and file-level findings (such as a row shift) always kept first.
/// </summary>
public sealed class ImportErrors(int cap = ImportErrors.DefaultCap)
{
    public const int DefaultCap = 1000;

    private readonly List<ImportError> _findings = [];
    private readonly List<ImportError> _located = [];

    public int Cap { get; } = cap;

    /// <summary>Every error seen, including those past the cap.</summary>
    public long Total { get; private set; }

    public bool Any => Total > 0;

    public long NotShown => Total - _findings.Count - _located.Count;

    public void Add(ImportError error)
    {
        Total++;
        if (_located.Count < Cap)
        {
            _located.Add(error);
        }
    }

    /// <summary>A file-level finding, listed before the located errors and never dropped by the cap.</summary>
    public void AddFinding(ImportError error)
    {
        Total++;
        _findings.Add(error);
    }

    public IReadOnlyList<ImportError> ToList() => [.. _findings, .. _located];
}
