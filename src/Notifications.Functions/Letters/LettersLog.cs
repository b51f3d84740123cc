namespace Notifications.Functions.Letters;

/// <summary>Letters export log messages, event ids 6200–6299. Incident ids and counts only, never a name or an address.</summary>
internal static partial class LettersLog
{
    public const string Category = "Notifications.Functions.Letters";

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information,
        Message = "Incident {IncidentId}: letters exported as {Format}: {Letters} letter(s), {Blocked} blocked, SHA-256 {Sha256}")]
    public static partial void Exported(ILogger logger, string incidentId, string format, int letters, int blocked, string sha256);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Information,
        Message = "Incident {IncidentId}: {Returned} letter(s) recorded as returned ({AlreadyReturned} already were); {Total} returned in all")]
    public static partial void Returned(ILogger logger, string incidentId, int returned, int alreadyReturned, int total);
}
