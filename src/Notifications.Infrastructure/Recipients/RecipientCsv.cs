using System.Text;
using CsvHelper;

namespace Notifications.Infrastructure.Recipients;

/// <summary>
/// Opens an uploaded CSV for streaming: a UTF-8 check that locates a bad byte, a strict UTF-8 decoder behind it, and
/// CsvHelper with a fixed comma separator (never detected: the identifiers column holds semicolons), line tracking,
/// and a record size cap, so that a 5 MB cell or an unclosed quote stops reading after 64 KiB instead of buffering the file.
/// </summary>
internal static class RecipientCsv
{
    /// <summary>The longest record read. Eleven cells of the largest allowed size fit well inside it.</summary>
    public const int MaxRecordBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CsvReader Open(Stream csv, Action<CsvMalformedRecord> onMalformed)
    {
        var text = new StreamReader(new Utf8CheckingStream(csv), StrictUtf8, detectEncodingFromByteOrderMarks: true,
            bufferSize: 16 * 1024, leaveOpen: true);
        var options = new CsvReaderOptions
        {
            Separator = ',',
            DetectSeparatorHint = false,
            HasHeader = true,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            MaxRecordSize = MaxRecordBytes,
            IncludeValuesInExceptions = false,
            OnMalformedRecord = onMalformed,
        };
        return CsvReader.Create(text, options, leaveOpen: false);
    }
}
