using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Notifications.Domain.Recipients;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Storage;

namespace Notifications.Infrastructure.FanOut;

public enum DeliveryReportOutcome
{
    /// <summary>Another event type, or a report without a status: nothing to do.</summary>
    Ignored,

    /// <summary>The Message-ID is not one of our notices, or no row of its batch carries it.</summary>
    NotOurs,

    /// <summary>The row's address is not the report's recipient: not trusted, nothing changed.</summary>
    RecipientMismatch,

    /// <summary>The row already says what the report says (a redelivery or a duplicate report).</summary>
    Unchanged,

    /// <summary><c>DeliveredAt</c> stamped: delivery evidence.</summary>
    Delivered,

    /// <summary>The person moved to indirect notice (<c>bounced</c>).</summary>
    Bounced,
}

/// <param name="CountsChanged">The batch's counts changed (a bounce, or a row that was left <c>sending</c> is now final).</param>
public sealed record DeliveryReportResult(DeliveryReportOutcome Outcome, string? IncidentId = null, string? BatchId = null, bool CountsChanged = false);

/// <summary>
/// Applies one delivery report to the person's recipient row, found through the Message-ID (<see cref="NoticeMessageId"/>)
/// and checked against the row's own address, then re-counts that batch's result row.
/// <list type="bullet">
/// <item><c>Delivered</c>: <c>DeliveredAt</c> is stamped, the status stays <c>sent</c>.</item>
/// <item>Any other status: <c>bounced</c> (final), <c>Channel</c> = indirect, <c>ChannelBefore</c> = email,
/// <c>BounceCode</c> = the status, <c>BouncedAt</c>.</item>
/// </list>
/// Every write is ETag-checked and re-read on a lost race; a row that already says it changes nothing, so redeliveries and
/// duplicate reports are harmless. A report for a row still <c>sending</c> throws <see cref="DeliveryReportTooEarlyException"/>
/// so the queue retries it once the batch has written <c>sent</c>; when that row's <see cref="FanOutOptions.SendingLease"/> has
/// passed, the attempt that sent it died before writing <c>sent</c>, and the report, which proves the relay accepted the
/// notice, settles the row itself (so the redelivered batch does not send it again).
/// </summary>
public sealed class DeliveryReportRecorder
{
    private const int MaxAttempts = 20;

    private readonly StorageClients _storage;
    private readonly FanOutTable _fanOut;
    private readonly FanOutOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    public DeliveryReportRecorder(StorageClients storage, IOptions<FanOutOptions> options, TimeProvider time, ILogger<DeliveryReportRecorder>? logger = null)
    {
        _storage = storage;
        _options = options.Value;
        _fanOut = new FanOutTable(storage);
        _time = time;
        _log = logger ?? NullLogger<DeliveryReportRecorder>.Instance;
    }

    public async Task<DeliveryReportResult> RecordAsync(DeliveryReport report, CancellationToken ct)
    {
        if (!report.IsEmailDeliveryReport || string.IsNullOrWhiteSpace(report.Status))
        {
            FanOutLog.ReportIgnored(_log, report.EventId, report.EventType);
            return new(DeliveryReportOutcome.Ignored);
        }

        if (!NoticeMessageId.TryLocate(report.InternetMessageId, out var where))
        {
            FanOutLog.ReportNotOurs(_log, report.EventId);
            return new(DeliveryReportOutcome.NotOurs);
        }

        var recipients = await _storage.TableAsync(RecipientKeys.Table);
        for (var attempt = 1; ; attempt++)
        {
            var rows = await FanOutTable.ReadRowsAsync(recipients, where.BatchId, ct);
            var row = rows.FirstOrDefault(r => string.Equals(r.GetString("MessageId"), where.MessageId, StringComparison.OrdinalIgnoreCase));
            if (row is null)
            {
                FanOutLog.ReportNotOurs(_log, report.EventId);
                return new(DeliveryReportOutcome.NotOurs);
            }

            var line = row.GetInt64("Line") ?? 0;
            if (!string.Equals(Contact(row), report.Recipient?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                FanOutLog.ReportRecipientMismatch(_log, report.EventId, where.IncidentId, where.BatchId, line);
                return new(DeliveryReportOutcome.RecipientMismatch, where.IncidentId, where.BatchId);
            }

            var (outcome, changes, settled) = Decide(report, row);
            if (changes is null)
            {
                FanOutLog.ReportUnchanged(_log, report.EventId, where.IncidentId, where.BatchId, line, row.GetString("Status"));
                return new(DeliveryReportOutcome.Unchanged, where.IncidentId, where.BatchId);
            }

            try
            {
                await recipients.UpdateEntityAsync(changes, row.ETag, TableUpdateMode.Merge, ct);
            }
            catch (RequestFailedException ex) when (ex.Status is 412 && attempt < MaxAttempts)
            {
                continue; // Changed since it was read (the batch wrote sent, or a duplicate report won): read it again.
            }

            FanOutLog.ReportRecorded(_log, report.EventId, where.IncidentId, where.BatchId, line, report.Status!, settled);
            await _fanOut.TallyAsync(where.IncidentId, where.BatchId, existing => existing, ct);
            return new(outcome, where.IncidentId, where.BatchId, outcome == DeliveryReportOutcome.Bounced || settled);
        }
    }

    /// <summary>What the report does to the row: the outcome, the merge to write (null: nothing), and whether it settles a row left sending.</summary>
    private (DeliveryReportOutcome Outcome, TableEntity? Changes, bool Settled) Decide(DeliveryReport report, TableEntity row)
    {
        var now = _time.GetUtcNow();
        var at = report.AttemptedAt ?? now;
        var status = row.GetString("Status");
        var settles = false;
        if (status == RecipientStatus.Sending)
        {
            if (now - (row.GetDateTimeOffset("SendingAt") ?? default) < _options.SendingLease)
            {
                FanOutLog.ReportTooEarly(_log, report.EventId, row.PartitionKey, row.GetInt64("Line") ?? 0);
                throw new DeliveryReportTooEarlyException(
                    $"Delivery report {report.EventId}: its notice is still being sent (batch {row.PartitionKey}); the queue will retry.");
            }

            settles = true;
        }
        else if (status != RecipientStatus.Sent)
        {
            // Bounced already (a duplicate, or a later report after a bounce, which stays final), or a row the relay never accepted.
            return (DeliveryReportOutcome.Unchanged, null, false);
        }

        var changes = new TableEntity(row.PartitionKey, row.RowKey);
        if (settles)
        {
            changes["Status"] = RecipientStatus.Sent;
            changes["SentAt"] = now;
        }

        if (report.IsDelivered)
        {
            if (!settles && row.GetDateTimeOffset("DeliveredAt") is not null)
            {
                return (DeliveryReportOutcome.Unchanged, null, false);
            }

            changes["DeliveredAt"] = at;
            return (DeliveryReportOutcome.Delivered, changes, settles);
        }

        changes["Status"] = RecipientStatus.Bounced;
        changes["BounceCode"] = report.Status!.Length <= 64 ? report.Status : report.Status[..64];
        changes["BouncedAt"] = at;
        changes["Channel"] = nameof(NoticeChannel.Indirect);
        changes["ChannelBefore"] = nameof(NoticeChannel.Email);
        return (DeliveryReportOutcome.Bounced, changes, settles);
    }

    /// <summary>The row's own contact, as the batch sender addressed it: the person's email, or their guardian's.</summary>
    private static string? Contact(TableEntity row) =>
        row.GetString("Email") is { Length: > 0 } email ? email : row.GetString("GuardianEmail") is { Length: > 0 } guardian ? guardian : null;
}

/// <summary>The report's notice is still being sent: the queue retries the report once the batch has written <c>sent</c>.</summary>
public sealed class DeliveryReportTooEarlyException(string message) : Exception(message);
