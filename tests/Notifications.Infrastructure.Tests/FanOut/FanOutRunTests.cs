using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
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

        Assert.Equal(CanaryVerdict.Continued, await h.Planner.ContinueAfterCanaryAsync("inc-canary", _ct));
        Assert.Equal(CanaryVerdict.Continued, await h.Planner.ContinueAfterCanaryAsync("inc-canary", _ct));
        var rest = await h.DrainAsync(_ct);

        Assert.Equal(2, rest.Results.Count);
        Assert.Equal(250, (await h.WaitForMailsAsync(250, _ct)).Count);
        Assert.True(await h.Progress.IsCompleteAsync("inc-canary", _ct));
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
}
