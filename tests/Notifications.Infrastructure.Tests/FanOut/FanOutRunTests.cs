using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Notifications.Domain.Recipients;
using Notifications.Infrastructure.Email;
using Notifications.Infrastructure.FanOut;
using Notifications.TestKit;
using Notifications.TestKit.FanOut;

namespace Notifications.Infrastructure.Tests.FanOut;

/// <summary>Whole fan-out runs on real Azurite and maildev: canary, the rest, fan-in.</summary>
public sealed partial class FanOutRunTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_2000People_EachGetsExactlyOneNoticeAtOwnAddressInOwnLanguage()
    {
        await using var h = new FanOutHarness(fixture, "run");
        await h.ImportAsync("inc-run", 2000, _ct);

        await h.Planner.StartAsync("inc-run", "run-1", _ct);
        await h.DrainAsync(_ct);
        Assert.Equal(CanaryVerdict.Continued, await h.Planner.ContinueAfterCanaryAsync("inc-run", _ct));
        var drained = await h.DrainAsync(_ct);

        Assert.Equal(0, drained.Failures);
        var mails = await h.WaitForMailsAsync(2000, _ct);
        Assert.Equal(2000, mails.Count);
        var rows = (await h.RowsAsync("inc-run", _ct)).ToDictionary(r => r.GetString("Email"), StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var mail in mails)
        {
            var to = Assert.Single(mail.To).Address;
            Assert.True(seen.Add(to), "one notice per person");
            var row = rows[to];
            Assert.Equal(RecipientStatus.Sent, row.GetString("Status"));
            Assert.Equal(row.GetString("MessageId"), FanOutHarness.MessageId(mail));
            var given = row.GetString("GivenName");
            Assert.Equal([given], GivenNames().Matches(mail.Body).Select(m => m.Value).Distinct());
            Assert.StartsWith(row.GetString("Language") == "fr" ? $"Bonjour {given}," : $"Hello {given},", mail.Text, StringComparison.Ordinal);
        }

        var progress = await h.Progress.GetAsync("inc-run", _ct);
        Assert.NotNull(progress);
        Assert.Equal((2000, 0, 0, 0, 20, true), (progress.Sent, progress.Pending, progress.Blocked, progress.FailedPermanent, progress.BatchesComplete, progress.IsComplete));
        Assert.True(progress.SentPerSecond > 0);
        Assert.Equal(TimeSpan.Zero, progress.Eta);
        Assert.True(await h.Progress.IsCompleteAsync("inc-run", _ct));
    }

    [Fact]
    public async Task Start_SendsOnlyTheCanaryUntilContinue_AndIsIdempotent()
    {
        await using var h = new FanOutHarness(fixture, "canary");
        await h.ImportAsync("inc-canary", 250, _ct);

        var run = await h.Planner.StartAsync("inc-canary", "run-1", _ct);
        var again = await h.Planner.StartAsync("inc-canary", "run-1", _ct);
        Assert.Equal(CanaryVerdict.NotReady, await h.Planner.ContinueAfterCanaryAsync("inc-canary", _ct));
        var canary = await h.DrainAsync(_ct);

        Assert.Equal((3, 1, true), (run!.Batches, run.CanaryBatches, again!.CanaryEnqueued));
        var result = Assert.Single(canary.Results);
        Assert.True(result.Canary && result.IsComplete);
        Assert.Equal(100, (await h.WaitForMailsAsync(100, _ct)).Count);
        var midway = await h.Progress.GetAsync("inc-canary", _ct);
        Assert.Equal((100L, 150L, false), (midway!.Sent, midway.Pending, midway.IsComplete));
        Assert.Equal(CanaryStates.Sending, midway.Canary); // complete, not yet judged

        Assert.Equal(CanaryVerdict.Continued, await h.Planner.ContinueAfterCanaryAsync("inc-canary", _ct));
        Assert.Equal(CanaryVerdict.Continued, await h.Planner.ContinueAfterCanaryAsync("inc-canary", _ct));
        var rest = await h.DrainAsync(_ct);

        Assert.Equal(2, rest.Results.Count);
        Assert.Equal(250, (await h.WaitForMailsAsync(250, _ct)).Count);
        Assert.True(await h.Progress.IsCompleteAsync("inc-canary", _ct));
        Assert.Equal(CanaryStates.Released, (await h.Progress.GetAsync("inc-canary", _ct))!.Canary);
    }

    [Fact]
    public async Task CanaryDeliveryWait_HoldsTheRestUntilTheLastCanaryEmailIsReported()
    {
        await using var h = new FanOutHarness(fixture, "canarywait", new() { ["CanaryDeliveryWait"] = "00:10:00" },
            time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        await h.ImportAsync("inc-cw", 150, _ct);
        await h.Planner.StartAsync("inc-cw", "run-1", _ct);
        await h.DrainAsync(_ct);
        var canary = (await h.RowsAsync("inc-cw", _ct)).Where(r => r.GetString("Status") == RecipientStatus.Sent).ToList();
        Assert.Equal(100, canary.Count);

        foreach (var row in canary.Skip(1))
        {
            Assert.Equal(DeliveryReportOutcome.Delivered, (await ReportAsync(h, row, "Delivered")).Outcome);
        }

        var (waiting, askAgainIn) = await h.Planner.CheckCanaryAsync("inc-cw", _ct);
        Assert.Equal(CanaryVerdict.AwaitingDelivery, waiting);
        Assert.Equal(TimeSpan.FromMinutes(10), askAgainIn);
        Assert.Equal(CanaryStates.AwaitingDelivery, (await h.Progress.GetAsync("inc-cw", _ct))!.Canary);
        Assert.Empty((await h.DrainAsync(_ct)).Results);

        await ReportAsync(h, canary[0], "Delivered");

        Assert.Equal(CanaryVerdict.Continued, await h.Planner.ContinueAfterCanaryAsync("inc-cw", _ct));
        Assert.Single((await h.DrainAsync(_ct)).Results);
        Assert.True(await h.Progress.IsCompleteAsync("inc-cw", _ct));
    }

    [Fact]
    public async Task CanaryDeliveryWait_WhenReportsNeverCome_ReleasesTheRestAfterTheWait_ButBouncesHoldIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = new FanOutHarness(fixture, "canarytimeout", new() { ["CanaryDeliveryWait"] = "00:10:00" }, time: clock);
        await h.ImportAsync("inc-ct", 150, _ct);
        await h.Planner.StartAsync("inc-ct", "run-1", _ct);
        await h.DrainAsync(_ct);

        Assert.Equal(CanaryVerdict.AwaitingDelivery, await h.Planner.ContinueAfterCanaryAsync("inc-ct", _ct));
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(CanaryVerdict.AwaitingDelivery, await h.Planner.ContinueAfterCanaryAsync("inc-ct", _ct));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(CanaryVerdict.Continued, await h.Planner.ContinueAfterCanaryAsync("inc-ct", _ct));
        Assert.Single((await h.DrainAsync(_ct)).Results);

        // The same wait with three of the hundred canary emails bounced (over 2%): held, however long it waits.
        await using var b = new FanOutHarness(fixture, "canarybounce", new() { ["CanaryDeliveryWait"] = "00:10:00" }, time: clock);
        await b.ImportAsync("inc-cb", 150, _ct);
        await b.Planner.StartAsync("inc-cb", "run-1", _ct);
        await b.DrainAsync(_ct);
        foreach (var row in (await b.RowsAsync("inc-cb", _ct)).Where(r => r.GetString("Status") == RecipientStatus.Sent).Take(3))
        {
            Assert.Equal(DeliveryReportOutcome.Bounced, (await ReportAsync(b, row, "Bounced")).Outcome);
        }

        Assert.Equal(CanaryVerdict.Failed, await b.Planner.ContinueAfterCanaryAsync("inc-cb", _ct));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(CanaryVerdict.Failed, await b.Planner.ContinueAfterCanaryAsync("inc-cb", _ct));
        Assert.Empty((await b.DrainAsync(_ct)).Results);
        Assert.Equal(CanaryStates.Held, (await b.Progress.GetAsync("inc-cb", _ct))!.Canary);
    }

    [Fact]
    public async Task ContinueAfterCanary_TooManyBlocked_HoldsTheRest()
    {
        await using var h = new FanOutHarness(fixture, "canaryfail");
        await h.ImportAsync("inc-cf", 150, _ct);
        h.Notices.BlockedPersonIds.UnionWith(Enumerable.Range(1, 5).Select(FanOutCsv.PersonId));

        await h.Planner.StartAsync("inc-cf", "run-1", _ct);
        await h.DrainAsync(_ct);

        Assert.Equal(CanaryVerdict.Failed, await h.Planner.ContinueAfterCanaryAsync("inc-cf", _ct));
        Assert.Empty((await h.DrainAsync(_ct)).Results);
        Assert.Equal(CanaryStates.Held, (await h.Progress.GetAsync("inc-cf", _ct))!.Canary);
        Assert.Equal(95, (await h.WaitForMailsAsync(95, _ct)).Count);
        var blocked = (await h.RowsAsync("inc-cf", _ct)).Where(r => r.GetString("Status") == RecipientStatus.Blocked).ToList();
        Assert.Equal(5, blocked.Count);
        Assert.All(blocked, r => Assert.Equal(GreetingNoticeSource.BlockCode, r.GetString("BlockCode")));
    }

    [Fact]
    public async Task Run_SimulatedMail_RunsTheWholePipelineWithoutSending()
    {
        await using var h = new FanOutHarness(fixture, "sim", simulate: true);
        await h.ImportAsync("inc-sim", 300, _ct);

        await h.Planner.StartAsync("inc-sim", "run-1", _ct);
        await h.DrainAsync(_ct);
        await h.Planner.ContinueAfterCanaryAsync("inc-sim", _ct);
        await h.DrainAsync(_ct);

        Assert.IsType<SimulatedEmailSender>(h.Get<IEmailSender>());
        Assert.Equal(300, h.Get<SimulatedEmailSender>().Count);
        Assert.Empty(await h.MailsAsync(_ct));
        Assert.True(await h.Progress.IsCompleteAsync("inc-sim", _ct));
    }

    [Fact]
    public async Task Batch_PermanentFailure_RecordsItAndMovesThePersonToIndirect()
    {
        string? rejected = null;
        await using var h = new FanOutHarness(fixture, "perm",
            sender: sp => new RejectingSender(sp.GetRequiredService<SmtpEmailSender>(), rejected!));
        rejected = FanOutCsv.Email(7, h.Domain);
        await h.ImportAsync("inc-perm", 40, _ct);

        await h.Planner.StartAsync("inc-perm", "run-1", _ct);
        var drained = await h.DrainAsync(_ct);

        Assert.Equal(0, drained.Failures);
        var row = (await h.RowsAsync("inc-perm", _ct)).Single(r => r.GetString("PersonId") == FanOutCsv.PersonId(7));
        Assert.Equal((RecipientStatus.FailedPermanent, nameof(NoticeChannel.Indirect), "permanent"),
            (row.GetString("Status"), row.GetString("Channel"), row.GetString("FailureCode")));
        Assert.Equal(39, (await h.WaitForMailsAsync(39, _ct)).Count);
        var progress = await h.Progress.GetAsync("inc-perm", _ct);
        Assert.Equal((39L, 1L, true), (progress!.Sent, progress.FailedPermanent, progress.IsComplete));
    }

    [GeneratedRegex(@"Given\d+")]
    private static partial Regex GivenNames();

    private async Task<DeliveryReportResult> ReportAsync(FanOutHarness h, TableEntity row, string status) =>
        await h.Get<DeliveryReportRecorder>().RecordAsync(
            Assert.Single(DeliveryReport.Parse(DeliveryReportEvents.EventGrid(row.GetString("MessageId"), row.GetString("Email"), status))), _ct);
}
