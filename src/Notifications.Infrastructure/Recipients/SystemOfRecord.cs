using System.Text;
using CsvHelper;
using Notifications.Domain.Recipients;

namespace Notifications.Infrastructure.Recipients;

/// <summary>
/// The public body's own record of each person's email (CSV <c>person_id,email</c>; other columns are ignored),
/// held as person-id hash → email hash (<see cref="ContactHash"/>), about 50 bytes a person and no contact data.
/// Kept in memory rather than in a table: it is read once per import, and 100,000 people take about 5 MB.
/// </summary>
internal sealed class SystemOfRecord
{
    private const string File = ImportError.SystemOfRecordFile;
    private readonly Dictionary<UInt128, UInt128> _emails = [];

    /// <summary>The email hash the system of record holds for the person, or null when it does not know them.</summary>
    public UInt128? EmailOf(UInt128 personId) => _emails.TryGetValue(personId, out var email) ? email : null;

    public int Count => _emails.Count;

    /// <summary>Reads the file; its problems go to <paramref name="errors"/> (its rows are then not trusted as a reference).</summary>
    public static async Task<SystemOfRecord> LoadAsync(Stream csv, ImportErrors errors, CancellationToken ct)
    {
        var record = new SystemOfRecord();
        var firstLine = new Dictionary<UInt128, long>();
        using var reader = RecipientCsv.Open(csv, m => errors.Add(new ImportError(File, m.LineNumber, null,
            ImportErrorCodes.MalformedQuotes, $"Malformed quoting ({m.Reason}).")));
        try
        {
            await reader.ReadHeaderAsync(ct);
            var header = reader.Headers.Select(RecipientColumns.Normalize).ToList();
            int person = header.IndexOf(RecipientColumns.PersonId), email = header.IndexOf(RecipientColumns.Email);
            if (person < 0 || email < 0)
            {
                errors.Add(new ImportError(File, 1, null, ImportErrorCodes.Header,
                    "The system-of-record file needs the columns person_id and email."));
                return record;
            }

            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetString(person).Trim();
                if (id.Length == 0)
                {
                    errors.Add(new ImportError(File, reader.LineNumber, RecipientColumns.PersonId, ImportErrorCodes.Required, "A value is required."));
                    continue;
                }

                var key = ContactHash.Of(id);
                if (!firstLine.TryAdd(key, reader.LineNumber))
                {
                    errors.Add(new ImportError(File, reader.LineNumber, RecipientColumns.PersonId, ImportErrorCodes.DuplicatePersonId,
                        $"Person {Excerpt.Of(id)} is also on line {firstLine[key]} of the system-of-record file."));
                    continue;
                }

                record._emails[key] = ContactHash.OfEmail(reader.GetString(email));
            }
        }
        catch (Exception e) when (Fatal(e, reader) is { } error)
        {
            errors.Add(error with { File = File });
        }

        return record;
    }

    /// <summary>Reading errors that end a file: not UTF-8, or a record too long. Null for anything else.</summary>
    internal static ImportError? Fatal(Exception exception, CsvReader reader) => exception switch
    {
        InvalidUtf8Exception bad => new ImportError(ImportError.RecipientsFile, bad.Line, null, ImportErrorCodes.Encoding,
            $"The file is not UTF-8 (byte 0x{bad.Value:X2} at byte offset {bad.ByteOffset}). Save it as CSV UTF-8 and upload it again."),
        DecoderFallbackException => new ImportError(ImportError.RecipientsFile, reader.LineNumber + 1, null, ImportErrorCodes.Encoding,
            "The file is not UTF-8. Save it as CSV UTF-8 and upload it again."),
        CsvFormatException format => new ImportError(ImportError.RecipientsFile, format.LineNumber, null, ImportErrorCodes.RecordTooLong,
            $"A record is longer than {RecipientCsv.MaxRecordBytes / 1024} KiB (a cell over {RecipientColumns.MaxCellBytes} bytes, " +
            "or a quote that is never closed). Reading stopped here."),
        _ => null,
    };
}
