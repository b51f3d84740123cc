using Notifications.Domain.Recipients;

namespace Notifications.Infrastructure.Recipients;

/// <summary>
/// The checks that span rows: unique person ids, unique emails (ignoring case), a bounded set of jurisdictions, and
/// agreement with the system of record, with the shift pattern when rows disagree one row apart.
/// </summary>
internal sealed class RowChecks(SystemOfRecord? reference, ImportErrors errors)
{
    private readonly UniquenessIndex _people = new();
    private readonly UniquenessIndex _emails = new();
    private readonly ShiftDetector _shift = new();

    /// <summary>Whether the row passed; each failure is added to the errors with its line and column.</summary>
    public bool Check(RecipientRow row, RecipientTally tally)
    {
        var before = errors.Total;
        var person = ContactHash.Of(row.PersonId);
        if (!_people.TryAdd(person, row.Line, out var firstPerson))
        {
            Fail(RecipientColumns.PersonId, ImportErrorCodes.DuplicatePersonId,
                $"Person {Excerpt.Of(row.PersonId)} is also on line {firstPerson}; each person must appear once.");
        }

        var email = ContactHash.OfEmail(row.Email);
        if (row.Email is not null && !_emails.TryAdd(email, row.Line, out var firstEmail))
        {
            Fail(RecipientColumns.Email, ImportErrorCodes.DuplicateEmail,
                $"The email of line {row.Line} is also on line {firstEmail} (ignoring case); each notice must go only to its own person.");
        }

        if (!tally.CanCount(row.Jurisdiction))
        {
            Fail(RecipientColumns.Jurisdiction, ImportErrorCodes.TooManyJurisdictions,
                $"More than {RecipientTally.MaxJurisdictions} different jurisdictions; check that this column holds jurisdictions.");
        }

        if (reference is not null)
        {
            var expected = reference.EmailOf(person);
            if (expected is null)
            {
                Fail(RecipientColumns.PersonId, ImportErrorCodes.NotInSystemOfRecord,
                    $"Person {Excerpt.Of(row.PersonId)} is not in the system-of-record file.");
            }

            if (_shift.Observe(row.Line, email, expected))
            {
                Fail(RecipientColumns.Email, ImportErrorCodes.EmailMismatch,
                    $"Person {Excerpt.Of(row.PersonId)}: the email differs from the one the system of record holds for this person.");
            }
        }

        return errors.Total == before;

        void Fail(string column, string code, string message) =>
            errors.Add(new ImportError(ImportError.RecipientsFile, row.Line, column, code, message));
    }

    /// <summary>Adds the file-level shift finding, if the mismatches form one.</summary>
    public void Finish()
    {
        if (_shift.Finding() is { } finding)
        {
            errors.AddFinding(finding);
        }
    }
}
