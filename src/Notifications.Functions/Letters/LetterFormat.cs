namespace Notifications.Functions.Letters;

/// <summary>Writes letters one by one to a file, between a beginning and an end (header, document head and foot).</summary>
public interface ILetterWriter : IAsyncDisposable
{
    Task BeginAsync(CancellationToken ct);

    Task WriteAsync(Letter letter, CancellationToken ct);

    /// <summary>Writes what closes the file and flushes it to the stream (which stays open).</summary>
    Task EndAsync(CancellationToken ct);
}

/// <summary>A file format of the letters export: <c>csv</c> for mail merge (the default) or <c>html</c> to print.</summary>
public sealed record LetterFormat(string Name, string ContentType, Func<Stream, ILetterWriter> Open)
{
    public static readonly LetterFormat Csv = new("csv", "text/csv; charset=utf-8", s => new LetterCsvWriter(s));
    public static readonly LetterFormat Html = new("html", "text/html; charset=utf-8", s => new LetterHtmlWriter(s));

    public static IReadOnlyList<LetterFormat> All { get; } = [Csv, Html];

    /// <summary>The format named (case-insensitive), <see cref="Csv"/> when none is, or null for an unknown name.</summary>
    public static LetterFormat? Find(string? name) =>
        string.IsNullOrEmpty(name) ? Csv : All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The download's file name: the incident id and the format, nothing about any person.</summary>
    public string FileName(string incidentId) => $"letters-{incidentId}.{Name}";
}
