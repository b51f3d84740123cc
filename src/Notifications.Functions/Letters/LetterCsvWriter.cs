using CsvHelper;

namespace Notifications.Functions.Letters;

/// <summary>
/// The mail-merge file: one CSV row per letter (RFC 4180, written by CsvHelper), UTF-8 with a byte-order mark so
/// spreadsheet and word-processor imports read accents right. <c>GivenName</c> and <c>FamilyName</c> are the person's;
/// the address block takes <c>AddressedTo</c> (the person, or the guardian of a person in their care). A field that a
/// spreadsheet would run as a formula (starting with <c>= @ + -</c>, tab or CR) gets CsvHelper's injection escape, a leading apostrophe.
/// </summary>
public sealed class LetterCsvWriter(Stream output) : ILetterWriter
{
    public static readonly IReadOnlyList<string> Columns = ["PersonId", "Language", "GivenName", "FamilyName", "AddressLines", "Subject", "Body", "AddressedTo"];

    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };

    private readonly CsvWriter _csv = CsvWriter.Create(output, Options, leaveOpen: true);

    public Task BeginAsync(CancellationToken ct) => _csv.WriteRecordAsync([.. Columns], ct).AsTask();

    public Task WriteAsync(Letter letter, CancellationToken ct) =>
        _csv.WriteRecordAsync([letter.PersonId, letter.Language, letter.GivenName, letter.FamilyName, letter.Address, letter.Subject, letter.Body, letter.AddressedTo], ct).AsTask();

    public Task EndAsync(CancellationToken ct) => _csv.FlushAsync(ct).AsTask();

    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
