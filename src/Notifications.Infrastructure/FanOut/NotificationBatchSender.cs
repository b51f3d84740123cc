using System.Net.Sockets;
using Azure;
using Azure.Data.Tables;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Notifications.Domain.Recipients;
using Notifications.Infrastructure.Email;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Storage;
using Polly;
using Polly.Retry;

namespace Notifications.Infrastructure.FanOut;

/// <summary>
/// The batch activity: sends the notice to every email recipient of one batch (one recipients partition, ≤ 100 people)
/// who has no final status yet, within the sends it could reserve from the provider's quota (<see cref="FanOutQuota"/>),
/// and writes the batch's own result row. When the quota ran out, the result says when to call again
/// (<see cref="BatchResult.RetryAt"/>): the run orchestration waits for it on a durable timer.
/// <para>
/// Per chunk of <see cref="FanOutOptions.ChunkSize"/> people: one transaction marks them <c>sending</c> (ETag-checked, so a
/// concurrent duplicate of the activity loses), then each is sent (one permit per attempt, transient failures retried
/// with exponential back-off and jitter) and marked <c>sent</c> (time and Message-ID) right after the relay's 250; then
/// one transaction records <c>failedPermanent</c> (channel switched to indirect) or <c>pending</c> again (halted, permits
/// spent, or retries exhausted) for the rest.
/// </para>
/// <para>
/// Why at-least-once: Durable runs an activity at least once. A worker killed between a 250 and that person's <c>sent</c>
/// write leaves them in <c>sending</c>; the re-run sends them again, with the same Message-ID, and marks them
/// <c>PossiblyTwice</c> (counted in the progress). The other side (skip <c>sending</c> rows) would silently leave people
/// without notice, which the law does not allow, while a duplicate with the same Message-ID is recognisable and
/// harmless. Nobody marked <c>sent</c> is ever sent again, and the people sent twice after a crash are at most the sends
/// in flight at the kill (<see cref="FanOutOptions.MaxConcurrency"/> per batch).
/// </para>
/// </summary>
public sealed class NotificationBatchSender
{
    private readonly StorageClients _storage;
    private readonly FanOutTable _fanOut;
    private readonly FanOutControl _control;
    private readonly FanOutQuota _quota;
    private readonly IEmailSender _email;
    private readonly INoticeSource _notices;
    private readonly FanOutOptions _options;
    private readonly MailOptions _mail;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    public NotificationBatchSender(StorageClients storage, FanOutControl control, FanOutQuota quota, IEmailSender email,
        INoticeSource notices, IOptions<FanOutOptions> options, IOptions<MailOptions> mail, TimeProvider time,
        ILogger<NotificationBatchSender>? logger = null)
    {
        _storage = storage;
        _options = options.Value;
        _fanOut = new FanOutTable(storage);
        _control = control;
        _quota = quota;
        _email = email;
        _notices = notices;
        _mail = mail.Value;
        _time = time;
        _log = logger ?? NullLogger<NotificationBatchSender>.Instance;
    }

    /// <summary>
    /// Sends one batch. Returns its result (also written to the <c>fanout</c> table): <see cref="BatchResult.Pending"/> people
    /// are left when it was halted or its permits ran out. Throws when an email still fails transiently after
    /// <see cref="FanOutOptions.MaxAttempts"/> attempts, or when another attempt holds some of its rows, so the run calls it
    /// again later; what was sent stays sent.
    /// </summary>
    public async Task<BatchResult> SendBatchAsync(BatchMessage message, CancellationToken ct)
    {
        using var activity = Telemetry.StartConsumer("fanout.batch", message.TraceParent, message.IncidentId);
        activity?.SetTag("fanout.batch", message.BatchId);
        activity?.SetTag(Telemetry.RunId, message.RunId);
        if (!message.BatchId.StartsWith(RowKeys.Safe(message.IncidentId) + "|", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Batch {message.BatchId} does not belong to incident {message.IncidentId}.");
        }

        var run = await _fanOut.GetRunAsync(message.IncidentId, ct);
        if (run is null || run.RunId != message.RunId)
        {
            FanOutLog.StaleRun(_log, message.IncidentId, message.BatchId, message.RunId);
            return new BatchResult(message.IncidentId, message.RunId, message.BatchId, message.Canary, 0, 0, 0, 0, 0, false, _time.GetUtcNow());
        }

        var recipients = await _storage.TableAsync(RecipientKeys.Table);
        var rows = await FanOutTable.ReadRowsAsync(recipients, message.BatchId, ct);
        var halted = false;
        var inFlightElsewhere = 0;
        var transient = new List<Exception>();

        // A row whose contact data was purged has no address left and is never sent to, whatever its status.
        var open = rows.Where(r => IsEmail(r) && !RecipientStatus.IsFinal(r.GetString("Status")) && !RecipientFields.IsContactPurged(r)).ToList();
        // Reserved up front for everyone open (a blocked notice leaves its permit unused): one quota write per call.
        var grant = open.Count == 0 || await _control.IsHaltedAsync(message.IncidentId, ct)
            ? new QuotaGrant(0, null)
            : await _quota.ReserveAsync(open.Count, ct);
        var batch = new BatchContext(message, recipients, new Permits(grant.Granted));
        foreach (var chunk in open.Chunk(_options.ChunkSize))
        {
            if (halted || await _control.IsHaltedAsync(message.IncidentId, ct))
            {
                halted = true;
                break;
            }

            if (batch.Permits.Spent)
            {
                break;
            }

            var outcome = await SendChunkAsync(batch, chunk, ct);
            halted |= outcome.Halted;
            inFlightElsewhere += outcome.InFlightElsewhere;
            transient.AddRange(outcome.Transient);
            if (transient.Count > 0)
            {
                break;
            }
        }

        if (transient.Count > 0)
        {
            throw new AggregateException($"Batch {message.BatchId}: {transient.Count} email(s) still failing after {_options.MaxAttempts} attempts; the run will retry.", transient);
        }

        if (inFlightElsewhere > 0)
        {
            throw new BatchInFlightException($"Batch {message.BatchId}: {inFlightElsewhere} row(s) are being sent by another worker; the run will retry.");
        }

        // Counted from the rows as stored, not as this attempt left them in memory: a delivery report may have moved
        // someone on since (sent to bounced), and its own tally must not be overwritten by an older picture.
        var completedAt = _time.GetUtcNow();
        var result = (await _fanOut.TallyAsync(message.IncidentId, message.BatchId,
            _ => new BatchResult(message.IncidentId, message.RunId, message.BatchId, message.Canary, 0, 0, 0, 0, 0, halted, completedAt), ct))!;
        FanOutLog.BatchDone(_log, message.IncidentId, message.BatchId, result.Sent, result.Blocked, result.FailedPermanent, result.Bounced,
            result.Skipped, result.Pending, result.Halted);
        // People left without being halted: the quota ran out. Call again when it has room (at once when some was granted).
        return result.Pending > 0 && !halted ? result with { RetryAt = grant.RetryAt ?? completedAt } : result;
    }

    private sealed record BatchContext(BatchMessage Message, TableClient Recipients, Permits Permits);

    /// <summary>The SMTP attempts this call may still make, as reserved from the quota.</summary>
    private sealed class Permits(int granted)
    {
        private int _left = granted;

        public bool TryTake() => Interlocked.Decrement(ref _left) >= 0;

        public bool Spent => Volatile.Read(ref _left) <= 0;
    }

    private sealed record ChunkOutcome(bool Halted, int InFlightElsewhere, IReadOnlyList<Exception> Transient);

    private sealed class Pick(TableEntity row, StoredRecipient person)
    {
        public TableEntity Row { get; set; } = row;
        public StoredRecipient Person { get; } = person;
        public NoticeOutcome? Notice { get; set; }
        public EmailMessage? Email { get; set; }
        public string? FinalStatus { get; set; }
        public string? FailureCode { get; set; }
        public Exception? Transient { get; set; }

        /// <summary>Left in <c>sending</c> by an attempt that crashed: its SMTP call may have been accepted.</summary>
        public bool Crashed { get; init; }
    }

    private async Task<ChunkOutcome> SendChunkAsync(BatchContext batch, TableEntity[] chunk, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var inFlight = 0;
        var picks = new List<Pick>(chunk.Length);
        foreach (var row in chunk)
        {
            var crashed = row.GetString("Status") == RecipientStatus.Sending;
            if (crashed && now - (row.GetDateTimeOffset("SendingAt") ?? default) < _options.SendingLease)
            {
                inFlight++;
                continue;
            }

            var pick = new Pick(row, StoredRecipient.FromEntity(row)) { Crashed = crashed };
            pick.Notice = await _notices.ForAsync(batch.Message.IncidentId, batch.Message.RunId, pick.Person, ct);
            if (pick.Notice is NoticeOutcome.Ready ready)
            {
                pick.Email = new EmailMessage(Contact(row)!, ready.Subject, ready.Body,
                    NoticeMessageId.For(batch.Message.IncidentId, batch.Message.BatchId, pick.Person.PersonId, _mail.MessageIdDomain),
                    pick.Person.Addressee.Name); // a guardian's address carries the guardian's name, or none
            }

            picks.Add(pick);
        }

        if (picks.Count == 0)
        {
            return new ChunkOutcome(false, inFlight, []);
        }

        // 1. Blocked people are final now; the others are marked sending before any SMTP call.
        var marks = picks.Select(p => p.Notice switch
        {
            NoticeOutcome.Blocked b => Update(p.Row, new() { ["Status"] = RecipientStatus.Blocked, ["BlockCode"] = b.Code, ["BlockedAt"] = now }),
            _ => Update(p.Row, p.Crashed
                ? new() { ["Status"] = RecipientStatus.Sending, ["SendingAt"] = now, ["MessageId"] = p.Email!.MessageId, ["PossiblyTwice"] = true }
                : new() { ["Status"] = RecipientStatus.Sending, ["SendingAt"] = now, ["MessageId"] = p.Email!.MessageId }),
        }).ToList();
        if (!await TrySubmitAsync(batch.Recipients, picks, marks, ct))
        {
            // A concurrent duplicate of this message got there first: leave the chunk to it.
            return new ChunkOutcome(false, inFlight + picks.Count, []);
        }

        // 2. Send, one permit per attempt, halting between sends; each person is marked sent as soon as the relay took it.
        var halted = false;
        var sendable = picks.Where(p => p.Email is not null).ToList();
        await Parallel.ForEachAsync(sendable, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = ct },
            async (pick, token) =>
            {
                try
                {
                    await SendOneAsync(batch, pick, token);
                    pick.FinalStatus = RecipientStatus.Sent;
                }
                catch (HaltedException)
                {
                    halted = true;
                    return;
                }
                catch (PermitsSpentException)
                {
                    return;
                }
                catch (PermanentEmailFailureException ex)
                {
                    pick.FinalStatus = RecipientStatus.FailedPermanent;
                    pick.FailureCode = ex.InnerException is SmtpCommandException smtp ? $"smtp-{(int)smtp.StatusCode}" : "permanent";
                    FanOutLog.PermanentFailure(_log, batch.Message.IncidentId, batch.Message.BatchId, pick.Person.Line, pick.FailureCode);
                }
                catch (Exception ex) when (IsTransient(ex, token))
                {
                    pick.Transient = ex;
                    return;
                }

                // Not CancellationToken-bound: once the relay took it, the mark must be written.
                await MarkSentAsync(batch.Recipients, pick, CancellationToken.None);
            });

        // 3. Record what happened to the rest; anyone not sent goes back to pending.
        var done = _time.GetUtcNow();
        var rest = sendable.Where(p => p.FinalStatus != RecipientStatus.Sent).ToList();
        var finals = rest.Select(p => p.FinalStatus switch
        {
            RecipientStatus.FailedPermanent => Update(p.Row, new()
            {
                ["Status"] = RecipientStatus.FailedPermanent,
                ["FailureCode"] = p.FailureCode,
                ["FailedAt"] = done,
                ["Channel"] = nameof(NoticeChannel.Indirect),
                ["ChannelBefore"] = nameof(NoticeChannel.Email),
            }),
            _ => Update(p.Row, new() { ["Status"] = RecipientStatus.Pending }),
        }).ToList();
        if (finals.Count > 0 && !await TrySubmitAsync(batch.Recipients, rest, finals, ct))
        {
            throw new BatchInFlightException($"Batch {batch.Message.BatchId}: rows changed under a send in flight.");
        }

        return new ChunkOutcome(halted, inFlight, sendable.Where(p => p.Transient is not null).Select(p => p.Transient!).ToList());
    }

    private async Task SendOneAsync(BatchContext batch, Pick pick, CancellationToken ct)
    {
        var message = batch.Message;
        var email = pick.Email!;
        // The seed-000 guard at the last moment: the notice goes to this row's own contact, nobody else's.
        if (email.To != Contact(pick.Row) || pick.Row.RowKey != RecipientKeys.Person(pick.Person.PersonId))
        {
            throw new InvalidOperationException($"Batch {message.BatchId}: a notice was addressed away from its own row.");
        }

        var attempt = 0;
        await Retry.ExecuteAsync(async token =>
        {
            attempt++;
            if (attempt > 1)
            {
                FanOutLog.TransientFailure(_log, message.IncidentId, message.BatchId, attempt - 1, "retrying");
            }

            if (await _control.IsHaltedAsync(message.IncidentId, token))
            {
                throw new HaltedException();
            }

            if (!batch.Permits.TryTake())
            {
                throw new PermitsSpentException();
            }

            await _email.SendAsync(email, token);
        }, ct);
    }

    private ResiliencePipeline Retry => field ??= _options.MaxAttempts <= 1
        ? ResiliencePipeline.Empty
        : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && IsTransient(ex, args.Context.CancellationToken)),
            MaxRetryAttempts = _options.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.RetryDelay,
        }).Build();

    /// <summary>4xx replies, a refused or dropped connection, I/O and timeouts: the relay may take it later.</summary>
    internal static bool IsTransient(Exception ex, CancellationToken ct) => ex switch
    {
        PermanentEmailFailureException or HaltedException or PermitsSpentException => false,
        OperationCanceledException => !ct.IsCancellationRequested,
        SmtpCommandException smtp => (int)smtp.StatusCode is >= 400 and < 500,
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    private static bool IsEmail(TableEntity row) => row.GetString("Channel") == nameof(NoticeChannel.Email);

    /// <summary>The row's own contact: the person's email, or their guardian's when they have none.</summary>
    private static string? Contact(TableEntity row) =>
        row.GetString("Email") is { Length: > 0 } email ? email : row.GetString("GuardianEmail") is { Length: > 0 } guardian ? guardian : null;

    /// <summary>
    /// Marks one person sent, on its own, right after the 250. When the row changed since it was marked sending (a
    /// delivery report for this very Message-ID got there first), it is left as that report made it.
    /// </summary>
    private async Task MarkSentAsync(TableClient table, Pick pick, CancellationToken ct)
    {
        var update = Update(pick.Row, new() { ["Status"] = RecipientStatus.Sent, ["SentAt"] = _time.GetUtcNow() });
        try
        {
            var response = await table.UpdateEntityAsync(update, update.ETag, TableUpdateMode.Merge, ct);
            pick.Row["Status"] = RecipientStatus.Sent;
            pick.Row.ETag = response.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
        }
    }

    private static TableEntity Update(TableEntity row, Dictionary<string, object?> changes)
    {
        var update = new TableEntity(row.PartitionKey, row.RowKey) { ETag = row.ETag };
        foreach (var (key, value) in changes)
        {
            update[key] = value;
        }

        return update;
    }

    /// <summary>One ETag-checked transaction; picks get their new ETags. False when a row changed since it was read.</summary>
    private static async Task<bool> TrySubmitAsync(TableClient table, List<Pick> picks, List<TableEntity> updates, CancellationToken ct)
    {
        try
        {
            var response = await table.SubmitTransactionAsync(
                updates.Select(u => new TableTransactionAction(TableTransactionActionType.UpdateMerge, u, u.ETag)), ct);
            for (var i = 0; i < picks.Count; i++)
            {
                foreach (var (key, value) in updates[i])
                {
                    picks[i].Row[key] = value;
                }

                picks[i].Row.ETag = response.Value[i].Headers.ETag ?? default;
            }

            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }
}

/// <summary>Some rows of a batch are being sent by another worker (a duplicate message); the queue retries the batch later.</summary>
public sealed class BatchInFlightException(string message) : Exception(message);

/// <summary>The run was halted before a send.</summary>
internal sealed class HaltedException : Exception;

/// <summary>The permits the run reserved for this call are used up; the rest of the batch waits for the next call.</summary>
internal sealed class PermitsSpentException : Exception;
