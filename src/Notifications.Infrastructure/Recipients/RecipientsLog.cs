using Microsoft.Extensions.Logging;

namespace Notifications.Infrastructure.Recipients;

/// <summary>Recipient import logs (event ids 1301–1309): ids and counts only, never names, emails or addresses.</summary>
internal static partial class RecipientsLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Incident {IncidentId}: import {ImportId} committed, {Rows} row(s) in {Batches} batch(es)")]
    public static partial void Committed(ILogger logger, string incidentId, string importId, long rows, int batches);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Incident {IncidentId}: import {ImportId} rejected with {Errors} error(s)")]
    public static partial void Rejected(ILogger logger, string incidentId, string importId, long errors);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Incident {IncidentId}: import {ImportId} removed {Rows} staged row(s) of {Batches} batch(es)")]
    public static partial void StagingDeleted(ILogger logger, string incidentId, string importId, int rows, int batches);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "Incident {IncidentId}: import {ImportId} lost to a concurrent import")]
    public static partial void LostRace(ILogger logger, string incidentId, string importId);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Information,
        Message = "Incident {IncidentId}: contact data purged, {Rows} row(s) hold none ({Stripped} stripped now), {StagingRows} staging row(s) deleted")]
    public static partial void ContactDataPurged(ILogger logger, string incidentId, int rows, int stripped, int stagingRows);
}
