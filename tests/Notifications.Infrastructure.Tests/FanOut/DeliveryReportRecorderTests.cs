using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Domain.Recipients;
using Notifications.Infrastructure.Email;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Storage;
using Notifications.TestKit;
using Notifications.TestKit.FanOut;

namespace Notifications.Infrastructure.Tests.FanOut;

/// <summary>
/// Delivery reports after a real fan-out on Azurite and maildev, fed as the queue bodies Event Grid writes (both schemas):
/// bounces move exactly their people to indirect notice, and the batch results and progress count them.
/// </summary>
public sealed class DeliveryReportRecorderTests(DevServicesFixture fixture)
{
    private static readonly DateTimeOffset Attempted = new(2026, 11, 22, 10, 0, 5, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bounces_MoveExactlyThosePeopleToIndirect_AndDeliveredStampsEvidence()
    {
        await using var h = new FanOutHarness(fixture, "dr");
        await RunAsync(h, "inc-dr", 150);
        var rows = await RowsByNumberAsync(h, "inc-dr");

        var outcomes = new[]
        {
            await RecordAsync(h, DeliveryReportEvents.EventGrid(rows[3].GetString("MessageId"), Email(h, 3), "Bounced", attempted: Attempted)),
            await RecordAsync(h, DeliveryReportEvents.CloudEvent(rows[120].GetString("MessageId"), Email(h, 120), "Suppressed", attempted: Attempted)),
            await RecordAsync(h, DeliveryReportEvents.EventGrid(rows[150].GetString("MessageId"), Email(h, 150).ToUpperInvariant(), "Quarantined", attempted: Attempted)),
            await RecordAsync(h, DeliveryReportEvents.CloudEvent(rows[5].GetString("MessageId"), Email(h, 5), "Delivered", attempted: Attempted)),
        };

        Assert.Equal([DeliveryReportOutcome.Bounced, DeliveryReportOutcome.Bounced, DeliveryReportOutcome.Bounced, DeliveryReportOutcome.Delivered],
            outcomes.Select(o => o.Outcome));
        Assert.Equal([true, true, true, false], outcomes.Select(o => o.CountsChanged));
        Assert.All(outcomes, o => Assert.Equal("inc-dr", o.IncidentId));
        var after = await RowsByNumberAsync(h, "inc-dr");
        foreach (var (n, code) in new[] { (3, "Bounced"), (120, "Suppressed"), (150, "Quarantined") })
        {
            var row = after[n];
            Assert.Equal((RecipientStatus.Bounced, nameof(NoticeChannel.Indirect), nameof(NoticeChannel.Email), code),
                (row.GetString("Status"), row.GetString("Channel"), row.GetString("ChannelBefore"), row.GetString("BounceCode")));
            Assert.Equal(Attempted, row.GetDateTimeOffset("BouncedAt"));
            Assert.NotNull(row.GetDateTimeOffset("SentAt"));
        }

        Assert.Equal((RecipientStatus.Sent, Attempted), (after[5].GetString("Status"), after[5].GetDateTimeOffset("DeliveredAt")));
        Assert.All(after.Where(p => p.Key is not (3 or 120 or 150)).Select(p => p.Value), r =>
            Assert.Equal((RecipientStatus.Sent, nameof(NoticeChannel.Email), null), (r.GetString("Status"), r.GetString("Channel"), r.GetString("BounceCode"))));
        Assert.Equal(1, after.Values.Count(r => r.GetDateTimeOffset("DeliveredAt") is not null));

        var progress = (await h.Progress.GetAsync("inc-dr", _ct))!;
        Assert.Equal((147L, 3L, 1L, 0L, 0L, true), (progress.Sent, progress.Bounced, progress.Delivered, progress.Pending, progress.FailedPermanent, progress.IsComplete));
        var results = await ResultsAsync(h, "inc-dr");
        Assert.Equal([(99, 1, 1), (48, 2, 0)], results.Select(r => (r.Sent, r.Bounced, r.Delivered)));
    }

    [Fact]
    public async Task SameReportAgain_OrAnotherAfterTheBounce_ChangesNothing()
    {
        await using var h = new FanOutHarness(fixture, "drdup");
        await RunAsync(h, "inc-drdup", 20);
        var rows = await RowsByNumberAsync(h, "inc-drdup");
        var bounce = DeliveryReportEvents.EventGrid(rows[4].GetString("MessageId"), Email(h, 4), "Bounced");
        Assert.Equal(DeliveryReportOutcome.Bounced, (await RecordAsync(h, bounce)).Outcome);
        var before = await SnapshotAsync(h, "inc-drdup");

        var again = await RecordAsync(h, bounce);
        var duplicate = await RecordAsync(h, DeliveryReportEvents.CloudEvent(rows[4].GetString("MessageId"), Email(h, 4), "Bounced"));
        var later = await RecordAsync(h, DeliveryReportEvents.EventGrid(rows[4].GetString("MessageId"), Email(h, 4), "Delivered"));

        Assert.Equal([DeliveryReportOutcome.Unchanged, DeliveryReportOutcome.Unchanged, DeliveryReportOutcome.Unchanged],
            new[] { again, duplicate, later }.Select(o => o.Outcome));
        Assert.All([again, duplicate, later], o => Assert.False(o.CountsChanged));
        Assert.Equal(before, await SnapshotAsync(h, "inc-drdup"));
        Assert.Equal(1, (await h.Progress.GetAsync("inc-drdup", _ct))!.Bounced);
    }

    [Fact]
    public async Task ForeignMessageId_MismatchedRecipient_OrOtherEventType_ChangeNothing()
    {
        await using var h = new FanOutHarness(fixture, "drforeign");
        await RunAsync(h, "inc-drforeign", 20);
        var rows = await RowsByNumberAsync(h, "inc-drforeign");
        var ours = rows[6].GetString("MessageId");
        var unknownHash = ours[..ours.LastIndexOf('.')] + ".00000000000000000000000000000000" + ours[ours.IndexOf('@', StringComparison.Ordinal)..];
        var before = await SnapshotAsync(h, "inc-drforeign");

        var outcomes = new[]
        {
            await RecordAsync(h, DeliveryReportEvents.EventGrid("CAFE1234abcd@mail.example.com", Email(h, 6), "Bounced")),
            await RecordAsync(h, DeliveryReportEvents.EventGrid(unknownHash, Email(h, 6), "Bounced")),
            await RecordAsync(h, DeliveryReportEvents.EventGrid(ours, Email(h, 7), "Bounced")),
            await RecordAsync(h, DeliveryReportEvents.CloudEvent(ours, "someone.else@example.org", "Bounced")),
            await RecordAsync(h, DeliveryReportEvents.EventGrid(ours, Email(h, 6), "Bounced", type: "Microsoft.Communication.EmailEngagementTrackingReportReceived")),
        };

        Assert.Equal([DeliveryReportOutcome.NotOurs, DeliveryReportOutcome.NotOurs, DeliveryReportOutcome.RecipientMismatch,
            DeliveryReportOutcome.RecipientMismatch, DeliveryReportOutcome.Ignored], outcomes.Select(o => o.Outcome));
        Assert.Equal(before, await SnapshotAsync(h, "inc-drforeign"));
    }

    [Fact]
    public async Task ReportWhileTheNoticeIsStillSending_IsHandedBackToTheQueue_ThenRecorded()
    {
        GatedSender? gate = null;
        string? gated = null;
        await using var h = new FanOutHarness(fixture, "drearly", sender: sp => gate = new GatedSender(sp.GetRequiredService<SmtpEmailSender>(), () => gated!));
        gated = FanOutCsv.Email(2, h.Domain);
        await h.ImportAsync("inc-drearly", 10, _ct);
        await h.Planner.StartAsync("inc-drearly", "run-1", _ct);
        _ = h.Get<IEmailSender>();
        var draining = h.DrainAsync(_ct);
        await gate!.Accepted.Task.WaitAsync(_ct);
        var sending = (await RowsByNumberAsync(h, "inc-drearly"))[2];
        var bounce = DeliveryReportEvents.EventGrid(sending.GetString("MessageId"), gated, "Bounced");

        await Assert.ThrowsAsync<DeliveryReportTooEarlyException>(() => RecordAsync(h, bounce));
        Assert.Equal(RecipientStatus.Sending, (await RowsByNumberAsync(h, "inc-drearly"))[2].GetString("Status"));
        gate.Release.SetResult();
        Assert.Equal(0, (await draining).Failures);
        var retried = await RecordAsync(h, bounce); // the queue's redelivery

        Assert.Equal(DeliveryReportOutcome.Bounced, retried.Outcome);
        Assert.Equal(RecipientStatus.Bounced, (await RowsByNumberAsync(h, "inc-drearly"))[2].GetString("Status"));
        var progress = (await h.Progress.GetAsync("inc-drearly", _ct))!;
        Assert.Equal((9L, 1L, true), (progress.Sent, progress.Bounced, progress.IsComplete));
    }

    [Fact]
    public async Task ReportForARowACrashedWorkerLeftSending_SettlesIt_AndTheRedeliveredBatchDoesNotSendItAgain()
    {
        KillingSender? killer = null;
        await using var h = new FanOutHarness(fixture, "drcrash", new() { ["ChunkSize"] = "20", ["SendingLease"] = "00:00:00" },
            sender: sp => killer = new KillingSender(sp.GetRequiredService<SmtpEmailSender>(), sends: 37, afterRelayAccepted: true));
        await h.ImportAsync("inc-drcrash", 100, _ct);
        await h.Planner.StartAsync("inc-drcrash", "run-1", _ct);
        string? settledAddress = null;
        DeliveryReportResult? settled = null;

        var drained = await h.DrainAsync(_ct, handle: async (message, token) =>
        {
            try
            {
                return await h.Sender.SendBatchAsync(message, token);
            }
            catch (WorkerKilledException)
            {
                // The relay accepted mail to someone whose row the dead worker left sending; their bounce arrives now.
                var leftSending = (await h.RowsAsync("inc-drcrash", token)).Where(r => r.GetString("Status") == RecipientStatus.Sending)
                    .ToDictionary(r => r.GetString("Email"), StringComparer.OrdinalIgnoreCase);
                var inbox = await h.Mail.WaitForAsync(all => all.Any(m => m.To.Any(t => leftSending.ContainsKey(t.Address))), ct: token);
                var row = leftSending[inbox.SelectMany(m => m.To).First(t => leftSending.ContainsKey(t.Address)).Address];
                settledAddress = row.GetString("Email");
                settled = await RecordAsync(h, DeliveryReportEvents.EventGrid(row.GetString("MessageId"), settledAddress, "Bounced"));
                killer!.Revive();
                throw;
            }
        });

        Assert.Equal(1, drained.Failures);
        Assert.Equal((DeliveryReportOutcome.Bounced, true), (settled!.Outcome, settled.CountsChanged));
        var mails = await h.WaitForMailsAsync(100, _ct);
        Assert.Single(mails, m => string.Equals(m.To.Single().Address, settledAddress, StringComparison.OrdinalIgnoreCase));
        var rows = await h.RowsAsync("inc-drcrash", _ct);
        Assert.Equal(RecipientStatus.Bounced, rows.Single(r => r.GetString("Email") == settledAddress).GetString("Status"));
        var progress = (await h.Progress.GetAsync("inc-drcrash", _ct))!;
        Assert.Equal((99L, 1L, true), (progress.Sent, progress.Bounced, progress.IsComplete));
    }

    [Fact]
    public async Task ConcurrentReportsForOneBatch_AreAllCounted()
    {
        await using var h = new FanOutHarness(fixture, "drpar");
        await RunAsync(h, "inc-drpar", 100);
        var rows = await RowsByNumberAsync(h, "inc-drpar");
        var bounced = Enumerable.Range(1, 25).Select(i => i * 4).ToList();

        var outcomes = await Task.WhenAll(bounced.Select(n =>
            RecordAsync(h, DeliveryReportEvents.EventGrid(rows[n].GetString("MessageId"), Email(h, n), "Failed"))));

        Assert.All(outcomes, o => Assert.Equal(DeliveryReportOutcome.Bounced, o.Outcome));
        var result = Assert.Single(await ResultsAsync(h, "inc-drpar"));
        Assert.Equal((75, 25, 0, true), (result.Sent, result.Bounced, result.Pending, result.IsComplete));
    }

    [Fact]
    public async Task Tally_ThatCountedTheRowsBeforeABounceWasRecorded_LosesTheRaceAndCountsAgain()
    {
        await using var h = new FanOutHarness(fixture, "drrace");
        await RunAsync(h, "inc-drrace", 10);
        var rows = await RowsByNumberAsync(h, "inc-drrace");
        var batchId = rows[1].PartitionKey;
        var table = new FanOutTable(h.Get<StorageClients>());
        var calls = 0;

        // A batch's own tally: it has read the rows when a bounce is recorded (and tallied) before its write.
        var written = await table.TallyAsync("inc-drrace", batchId, existing =>
        {
            if (++calls == 1)
            {
                Assert.Equal(DeliveryReportOutcome.Bounced,
                    RecordAsync(h, DeliveryReportEvents.EventGrid(rows[7].GetString("MessageId"), Email(h, 7), "Bounced")).GetAwaiter().GetResult().Outcome);
            }

            return existing! with { CompletedAt = existing.CompletedAt.AddSeconds(calls) };
        }, _ct);

        Assert.Equal(2, calls);
        Assert.Equal((9, 1), (written!.Sent, written.Bounced));
        var stored = Assert.Single(await ResultsAsync(h, "inc-drrace"));
        Assert.Equal((9, 1), (stored.Sent, stored.Bounced));
    }

    private async Task RunAsync(FanOutHarness h, string incidentId, int people)
    {
        await h.ImportAsync(incidentId, people, _ct);
        await h.Planner.StartAsync(incidentId, "run-1", _ct);
        await h.DrainAsync(_ct);
        await h.Planner.ContinueAfterCanaryAsync(incidentId, _ct);
        Assert.Equal(0, (await h.DrainAsync(_ct)).Failures);
        Assert.True(await h.Progress.IsCompleteAsync(incidentId, _ct));
    }

    /// <summary>Every queue message is one event; the recorder sees what the function would.</summary>
    private async Task<DeliveryReportResult> RecordAsync(FanOutHarness h, string queueBody) =>
        await h.Get<DeliveryReportRecorder>().RecordAsync(Assert.Single(DeliveryReport.Parse(queueBody)), _ct);

    private static string Email(FanOutHarness h, int n) => FanOutCsv.Email(n, h.Domain);

    private async Task<Dictionary<int, TableEntity>> RowsByNumberAsync(FanOutHarness h, string incidentId) =>
        (await h.RowsAsync(incidentId, _ct)).ToDictionary(r => FanOutHarness.Number(r.GetString("PersonId")));

    private async Task<List<BatchResult>> ResultsAsync(FanOutHarness h, string incidentId)
    {
        var table = await h.Get<StorageClients>().TableAsync(FanOutKeys.Table);
        var results = new List<BatchResult>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == FanOutKeys.Partition(incidentId), cancellationToken: _ct))
        {
            if (e.RowKey.StartsWith(FanOutKeys.BatchRowPrefix, StringComparison.Ordinal))
            {
                results.Add(BatchResult.FromEntity(e));
            }
        }

        return results.OrderBy(r => r.BatchId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every recipient row's and batch result row's ETag: any write changes it.</summary>
    private async Task<string> SnapshotAsync(FanOutHarness h, string incidentId)
    {
        var rows = (await h.RowsAsync(incidentId, _ct)).OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => $"{r.RowKey}={r.ETag}");
        var fanout = await h.Get<StorageClients>().TableAsync(FanOutKeys.Table);
        var results = new List<string>();
        await foreach (var e in fanout.QueryAsync<TableEntity>(x => x.PartitionKey == FanOutKeys.Partition(incidentId), cancellationToken: _ct))
        {
            results.Add($"{e.RowKey}={e.ETag}");
        }

        return string.Join("\n", rows.Concat(results.Order(StringComparer.Ordinal)));
    }
}
