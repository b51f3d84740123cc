using Notifications.Domain.Recipients;

namespace Notifications.Domain.Incidents;

public sealed partial class IncidentDecider
{
    /// <summary>
    /// A letters export is recorded for the current import only, while notices are not complete, and only when it
    /// accounts for every person of the import with the letter channel (exported, blocked, or left out because their
    /// letter already came back): a partial file is no evidence.
    /// </summary>
    private static void ExportLetters(DecisionBuilder d, LettersExported e)
    {
        var import = d.State.Recipients;
        Require(d.State.NoticesCompletedAt is null, "The notices are already complete.");
        Require(import is not null, "Import the affected people first.");
        Require(import!.ImportId == e.ImportId, "The letters were exported for an import that is no longer the current one.");
        Require(e.Letters >= 0 && e.Blocked >= 0 && e.Returned >= 0, "Letter counts cannot be negative.");
        var due = import.Counts.ByChannel.GetValueOrDefault(NoticeChannel.Letter);
        Require(e.Letters + e.Blocked + e.Returned == due,
            $"The export accounts for {e.Letters + e.Blocked + e.Returned} letter(s); the import has {due} person(s) to notify by letter.");
        Require(e.Sha256.Length == 64 && e.Sha256.All(char.IsAsciiHexDigitLower), "The export needs the SHA-256 of the file (lower-case hex).");
        d.Add(e);
    }

    /// <summary>
    /// The letters exported again once the notices are complete, until the contact data is purged: recorded each time,
    /// with the file's hash. Nothing else changes (the completion, its counts and the export it counted stand).
    /// </summary>
    private static void ReexportLetters(DecisionBuilder d, LettersReexported e)
    {
        var s = d.State;
        Require(s.ContactDataPurgedAt is null, ContactDataWasPurged);
        Require(s.NoticesCompletedAt is not null, "The notices are not complete yet; export the letters as the notices' letters export.");
        Require(s.Recipients is not null && s.Recipients.ImportId == e.ImportId, "The letters were exported for an import that is no longer the current one.");
        Require(e.Letters >= 0 && e.Blocked >= 0, "Letter counts cannot be negative.");
        Require(e.Sha256.Length == 64 && e.Sha256.All(char.IsAsciiHexDigitLower), "The export needs the SHA-256 of the file (lower-case hex).");
        d.Add(e);
    }

    /// <summary>
    /// Letters of the current import came back: recorded once a letters export of that import is recorded (a letter that
    /// was never exported cannot come back) and before the contact data is purged, with a total that only grows (a
    /// returned letter is final): the same or a smaller total is older than what is recorded and changes nothing. The
    /// counts themselves are revised by the caller from the recipient rows (<see cref="NoticeCountsRevised"/>).
    /// </summary>
    private static void ReturnLetters(DecisionBuilder d, LettersReturned r)
    {
        var s = d.State;
        Require(s.ContactDataPurgedAt is null, ContactDataWasPurged);
        Require(s.Recipients is not null, "Import the affected people first.");
        Require(s.Recipients!.ImportId == r.ImportId, "The letters came back for an import that is no longer the current one.");
        Require(s.LettersExport?.ImportId == r.ImportId, "No letters export of the current import is recorded; no letter can have come back.");
        var due = s.Recipients.Counts.ByChannel.GetValueOrDefault(NoticeChannel.Letter);
        Require(r.Total >= 0 && r.Total <= due, $"{r.Total} letter(s) cannot have come back; the import has {due} person(s) to notify by letter.");
        Require(!string.IsNullOrWhiteSpace(r.Reason), "Say why the letters came back.");
        var before = s.ReturnedLettersOfCurrentImport;
        if (r.Total <= before)
        {
            return;
        }

        d.Add(r with { Returned = r.Total - before });
    }
}
