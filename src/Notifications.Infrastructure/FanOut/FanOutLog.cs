using Microsoft.Extensions.Logging;

namespace Notifications.Infrastructure.FanOut;

/// <summary>Fan-out logs (event ids 1401–1419): incident, run and batch ids and counts only, never names or addresses.</summary>
internal static partial class FanOutLog
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Incident {IncidentId}: fan-out run {RunId} started, {Batches} batch(es), canary {CanaryBatches}")]
    public static partial void Started(ILogger logger, string incidentId, string runId, int batches, int canaryBatches);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Incident {IncidentId}: fan-out run {RunId} released {Batches} more batch(es) after the canary")]
    public static partial void Continued(ILogger logger, string incidentId, string runId, int batches);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Incident {IncidentId}: canary of run {RunId} had {Problems} problem(s) of {People}; the rest is held")]
    public static partial void CanaryFailed(ILogger logger, string incidentId, string runId, int problems, int people);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Information, Message = "Incident {IncidentId}: batch {BatchId} sent {Sent}, blocked {Blocked}, failed {Failed}, bounced {Bounced}, skipped {Skipped}, pending {Pending}, halted {Halted}")]
    public static partial void BatchDone(ILogger logger, string incidentId, string batchId, int sent, int blocked, int failed, int bounced, int skipped, int pending, bool halted);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Warning, Message = "Incident {IncidentId}: fan-out halted")]
    public static partial void Halted(ILogger logger, string incidentId);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Information, Message = "Incident {IncidentId}: fan-out resumed, {Batches} batch(es) re-enqueued")]
    public static partial void Resumed(ILogger logger, string incidentId, int batches);

    [LoggerMessage(EventId = 1407, Level = LogLevel.Warning, Message = "Incident {IncidentId}: batch {BatchId} line {Line} failed permanently ({Code}); moved to indirect notice")]
    public static partial void PermanentFailure(ILogger logger, string incidentId, string batchId, long line, string code);

    [LoggerMessage(EventId = 1408, Level = LogLevel.Warning, Message = "Incident {IncidentId}: batch {BatchId} send attempt {Attempt} failed transiently ({Error})")]
    public static partial void TransientFailure(ILogger logger, string incidentId, string batchId, int attempt, string error);

    [LoggerMessage(EventId = 1409, Level = LogLevel.Warning, Message = "Incident {IncidentId}: batch {BatchId} ignored: run {RunId} is not the current run")]
    public static partial void StaleRun(ILogger logger, string incidentId, string batchId, string runId);

    [LoggerMessage(EventId = 1410, Level = LogLevel.Information, Message = "Delivery report {EventId} ({EventType}) ignored: not an email delivery report with a status")]
    public static partial void ReportIgnored(ILogger logger, string eventId, string eventType);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "Delivery report {EventId} ignored: its Message-ID is not one of our notices")]
    public static partial void ReportNotOurs(ILogger logger, string eventId);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Warning, Message = "Delivery report {EventId} ignored: incident {IncidentId} batch {BatchId} line {Line} has another address than the report")]
    public static partial void ReportRecipientMismatch(ILogger logger, string eventId, string incidentId, string batchId, long line);

    [LoggerMessage(EventId = 1413, Level = LogLevel.Information, Message = "Delivery report {EventId}: incident {IncidentId} batch {BatchId} line {Line} already {Status}; nothing changed")]
    public static partial void ReportUnchanged(ILogger logger, string eventId, string incidentId, string batchId, long line, string status);

    [LoggerMessage(EventId = 1414, Level = LogLevel.Information, Message = "Delivery report {EventId}: incident {IncidentId} batch {BatchId} line {Line} {Status} (settled a row left sending: {Settled})")]
    public static partial void ReportRecorded(ILogger logger, string eventId, string incidentId, string batchId, long line, string status, bool settled);

    [LoggerMessage(EventId = 1416, Level = LogLevel.Information,
        Message = "Incident {IncidentId}: canary of run {RunId} is clean so far; waiting up to {Left} for the delivery reports of {Unreported} email(s)")]
    public static partial void CanaryAwaitingDelivery(ILogger logger, string incidentId, string runId, int unreported, TimeSpan left);

    [LoggerMessage(EventId = 1417, Level = LogLevel.Warning,
        Message = "Incident {IncidentId}: canary of run {RunId}: {Unreported} email(s) still have no delivery report after {Wait}; releasing the rest on the reports received")]
    public static partial void CanaryUnreported(ILogger logger, string incidentId, string runId, int unreported, TimeSpan wait);

    [LoggerMessage(EventId = 1415, Level = LogLevel.Information, Message = "Delivery report {EventId}: batch {BatchId} line {Line} is still being sent; the queue will retry")]
    public static partial void ReportTooEarly(ILogger logger, string eventId, string batchId, long line);
}
