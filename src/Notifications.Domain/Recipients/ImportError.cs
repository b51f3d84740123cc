namespace Notifications.Domain.Recipients;

/// <summary>
/// One problem with an uploaded file, located by file, line and column. <see cref="Line"/> is the 1-based line of the
/// file where the record starts (the header is line 1); 0 when the problem is about the file as a whole.
/// Messages never repeat a name, email or address; at most a short excerpt of a person id or a header name.
/// </summary>
public sealed record ImportError(string File, long Line, string? Column, string Code, string Message)
{
    public const string RecipientsFile = "recipients";
    public const string SystemOfRecordFile = "system_of_record";
}

/// <summary>Stable codes of <see cref="ImportError"/>, for clients that translate or group them.</summary>
public static class ImportErrorCodes
{
    public const string Header = "header";
    public const string Empty = "empty";
    public const string Encoding = "encoding";
    public const string RecordTooLong = "record_too_long";
    public const string MalformedQuotes = "malformed_quotes";
    public const string FieldCount = "field_count";
    public const string CellTooLong = "cell_too_long";
    public const string Required = "required";
    public const string TooLong = "too_long";
    public const string UnsafeCharacter = "unsafe_character";
    public const string InvalidEmail = "invalid_email";
    public const string InvalidLanguage = "invalid_language";
    public const string InvalidWithhold = "invalid_withhold";
    public const string InvalidIdentifiers = "invalid_identifiers";
    public const string WithholdReasonRequired = "withhold_reason_required";
    public const string TooManyJurisdictions = "too_many_jurisdictions";
    public const string DuplicatePersonId = "duplicate_person_id";
    public const string DuplicateEmail = "duplicate_email";
    public const string NotInSystemOfRecord = "not_in_system_of_record";
    public const string EmailMismatch = "email_mismatch";
    public const string ShiftedRows = "shifted_rows";
    public const string ConcurrentImport = "concurrent_import";
}
