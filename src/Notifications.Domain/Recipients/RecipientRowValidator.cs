using Notifications.Domain.Text;
using static Notifications.Domain.Recipients.RecipientColumns;

namespace Notifications.Domain.Recipients;

/// <summary>
/// Validates one record on its own (uniqueness and the system-of-record check need the whole file and live with
/// the importer). Every problem of the row is reported, each with its line and column; the row is returned only
/// when it has none.
/// </summary>
public static class RecipientRowValidator
{
    public static RecipientRow? Validate(RecipientCells cells, ImportErrors errors)
    {
        var before = errors.Total;
        void Fail(string column, string code, string message) =>
            errors.Add(new ImportError(ImportError.RecipientsFile, cells.Line, column, code, message));

        // No cell takes a control character or a bidi override; only the postal address spans lines.
        foreach (var (column, value) in cells.Values)
        {
            if (TextRules.FindUnsafe(value, multiline: column == PostalAddress) is { } found)
            {
                Fail(column, ImportErrorCodes.UnsafeCharacter, TextRules.Describe(found));
            }
        }

        foreach (var (column, max) in MaxLength)
        {
            if (cells[column].Length > max)
            {
                Fail(column, ImportErrorCodes.TooLong, $"The value is longer than {max} characters.");
            }
        }

        foreach (var column in (string[])[PersonId, GivenName, FamilyName, Language, Jurisdiction])
        {
            if (cells[column].Length == 0)
            {
                Fail(column, ImportErrorCodes.Required, "A value is required.");
            }
        }

        CheckEmail(cells[Email], Email);
        CheckEmail(cells[GuardianEmail], GuardianEmail);

        var language = cells[Language].ToLowerInvariant();
        if (language.Length > 0 && language is not ("en" or "fr"))
        {
            Fail(Language, ImportErrorCodes.InvalidLanguage, "The language must be en or fr.");
        }

        if (!PersonIdentifiers.TryParse(cells[Identifiers], out var identifiers))
        {
            Fail(Identifiers, ImportErrorCodes.InvalidIdentifiers, "Identifiers must be ';'-separated kind:value pairs, e.g. application:A-1;client:77.");
        }

        var withhold = false;
        switch (cells[RecipientColumns.Withhold].ToLowerInvariant())
        {
            case "" or "false":
                break;
            case "true":
                withhold = true;
                break;
            default:
                Fail(RecipientColumns.Withhold, ImportErrorCodes.InvalidWithhold, "Withhold must be true, false or empty.");
                break;
        }

        if (withhold && cells[WithholdReason].Length == 0)
        {
            Fail(WithholdReason, ImportErrorCodes.WithholdReasonRequired, "A withheld notice needs the reason it is withheld.");
        }

        if (errors.Total > before)
        {
            return null;
        }

        return new RecipientRow(
            cells.Line, cells[PersonId], cells[GivenName], cells[FamilyName], NullIfEmpty(cells[Email]),
            NullIfEmpty(cells[PostalAddress]), language, cells[Jurisdiction], identifiers, NullIfEmpty(cells[GuardianEmail]),
            withhold, withhold ? cells[WithholdReason] : NullIfEmpty(cells[WithholdReason]), NullIfEmpty(cells[GuardianName]));

        void CheckEmail(string value, string column)
        {
            if (value.Length > 0 && value.Length <= MaxLength[column] && !EmailAddressRule.IsValid(value))
            {
                Fail(column, ImportErrorCodes.InvalidEmail, "The value is not a single valid email address.");
            }
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
