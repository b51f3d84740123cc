using Notifications.Domain.Recipients;

namespace Notifications.Domain.Incidents;

public sealed partial class IncidentDecider
{
    /// <summary>
    /// A letters export is recorded for the current import only, while notices are not complete, and only when it
    /// accounts for every person of the import with the letter channel (exported or blocked): a partial file is no evidence.
    /// </summary>
    private static void ExportLetters(DecisionBuilder d, LettersExported e)
    {
        var import = d.State.Recipients;
        Require(d.State.NoticesCompletedAt is null, "The notices are already complete.");
        Require(import is not null, "Import the affected people first.");
        Require(import!.ImportId == e.ImportId, "The letters were exported for an import that is no longer the current one.");
        Require(e.Letters >= 0 && e.Blocked >= 0, "Letter counts cannot be negative.");
        var due = import.Counts.ByChannel.GetValueOrDefault(NoticeChannel.Letter);
        Require(e.Letters + e.Blocked == due,
            $"The export accounts for {e.Letters + e.Blocked} letter(s); the import has {due} person(s) to notify by letter.");
        Require(e.Sha256.Length == 64 && e.Sha256.All(char.IsAsciiHexDigitLower), "The export needs the SHA-256 of the file (lower-case hex).");
        d.Add(e);
    }
}
