using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Notifications.Domain.Recipients;
using Notifications.Infrastructure.Email;
using Notifications.Infrastructure.FanOut;
using Notifications.TestKit;
using Notifications.TestKit.FanOut;

namespace Notifications.Infrastructure.Tests.FanOut;

/// <summary>Crash mid-batch, SMTP down, halt and resume: on real Azurite and maildev, asserting on counts, never on time.</summary>
public sealed class FanOutFailureTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Batch_WorkerKilledMidBatch_RedeliveryNeverResendsAnyoneMarkedSent()
    {
        KillingSender? killer = null;
        await using var h = new FanOutHarness(fixture, "crash", new() { ["ChunkSize"] = "20", ["SendingLease"] = "00:00:00" },
            sender: sp => killer = new KillingSender(sp.GetRequiredService<SmtpEmailSender>(), sends: 37));
        await h.ImportAsync("inc-crash", 100, _ct);
        await h.Planner.StartAsync("inc-crash", "run-1", _ct);

        List<Azure.Data.Tables.TableEntity>? afterCrash = null;
        var drained = await h.DrainAsync(_ct, handle: async (message, token) =>
        {
            try
            {
                return await h.Sender.SendBatchAsync(message, token);
            }
            catch (WorkerKilledException)
            {
                // What the killed worker left behind; the queue then delivers the batch again, to a live worker.
                afterCrash = await h.RowsAsync("inc-crash", token);
                killer!.Revive();
                throw;
            }
        });

        Assert.Equal(1, drained.Failures);
        var markedSent = afterCrash!.Where(r => r.GetString("Status") == RecipientStatus.Sent).Select(r => r.GetString("MessageId")).ToHashSet();
        var leftSending = afterCrash!.Where(r => r.GetString("Status") == RecipientStatus.Sending).Select(r => r.GetString("MessageId")).ToHashSet();
        // Two chunks of 20 were marked sending; each person the relay took before the kill was marked sent right away.
        Assert.InRange(markedSent.Count, 37 - 4, 37);
        Assert.Equal(40, markedSent.Count + leftSending.Count);
        var mails = await h.WaitForMailsAsync(100, _ct);
        var perId = mails.GroupBy(FanOutHarness.MessageId).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(100, perId.Count);
        Assert.All(markedSent, id => Assert.Equal(1, perId[id!]));
        // Sent twice: only people whose send was in flight at the kill (at most MaxConcurrency), all counted as possibly twice.
        var twice = perId.Where(p => p.Value > 1).ToList();
        Assert.All(twice, p => Assert.Contains(p.Key, leftSending));
        Assert.InRange(twice.Count, 0, 4);
        var rows = await h.RowsAsync("inc-crash", _ct);
        Assert.All(rows, r => Assert.Equal(RecipientStatus.Sent, r.GetString("Status")));
        var progress = await h.Progress.GetAsync("inc-crash", _ct);
        Assert.True(progress!.IsComplete);
        Assert.Equal(leftSending.Count, progress.PossiblySentTwice);
    }

    [Fact]
    public async Task Batch_SmtpDownThenBack_EveryoneNotifiedOnceAndEveryAttemptTookAReservedPermit()
    {
        SmtpEmailSender? down = null;
        await using var h = new FanOutHarness(fixture, "down", new() { ["MaxAttempts"] = "3", ["MaxConcurrency"] = "2" },
            sender: sp =>
            {
                var mail = sp.GetRequiredService<IOptions<MailOptions>>().Value;
                var closed = new MailOptions { Host = mail.Host, Port = DevServices.FreePort(), Security = MailSecurity.None, From = mail.From };
                down = new SmtpEmailSender(Options.Create(closed), 2);
                return new SwitchingSender(down, sp.GetRequiredService<SmtpEmailSender>(), failing: 8);
            });
        await h.ImportAsync("inc-down", 60, _ct);

        await h.Planner.StartAsync("inc-down", "run-1", _ct);
        var drained = await h.DrainAsync(_ct);

        Assert.True(drained.Failures >= 1, "the batch was called again at least once");
        var mails = await h.WaitForMailsAsync(60, _ct);
        Assert.Equal(60, mails.Select(m => m.To.Single().Address).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(60, mails.Count);
        var up = h.Get<SmtpEmailSender>();
        Assert.Equal(8, down!.Attempts);
        // Each call reserved a permit per open person from the provider's quota, and no attempt went without one.
        var (minute, hour) = await h.Get<FanOutQuota>().UsedAsync(_ct);
        Assert.InRange(down.Attempts + up.Attempts, 68, minute);
        Assert.Equal(minute, hour);
        Assert.True(await h.Progress.IsCompleteAsync("inc-down", _ct));
    }

    [Fact]
    public async Task Halt_StopsSendingLeavingThePendingCounted_ResumeFinishes()
    {
        // One connection: the halt lands between sends.
        await using var h = new FanOutHarness(fixture, "halt", new() { ["MaxConcurrency"] = "1" },
            sender: sp => new HaltingSender(sp.GetRequiredService<SmtpEmailSender>(), after: 3,
                () => sp.GetRequiredService<FanOutControl>().HaltAsync("inc-halt", CancellationToken.None)));
        await h.ImportAsync("inc-halt", 16, _ct);
        await h.Planner.StartAsync("inc-halt", "run-1", _ct);

        var halted = await h.DrainAsync(_ct);

        var result = Assert.Single(halted.Results);
        Assert.True(result.Halted);
        Assert.Equal((3, 13), (result.Sent, result.Pending));
        var progress = await h.Progress.GetAsync("inc-halt", _ct);
        Assert.Equal((true, false, 3L, 13L), (progress!.Halted, progress.IsComplete, progress.Sent, progress.Pending));
        Assert.Equal(3, (await h.WaitForMailsAsync(3, _ct)).Count);
        Assert.Equal(CanaryVerdict.NotReady, await h.Planner.ContinueAfterCanaryAsync("inc-halt", _ct));
        // Called again while halted (as a run re-plans), the batch sends nobody.
        Assert.Equal((true, 3), Assert.Single((await h.DrainAsync(_ct)).Results) is var again ? (again.Halted, again.Sent) : default);

        Assert.Equal(1, await h.Control.ResumeAsync("inc-halt", _ct));
        await h.DrainAsync(_ct);

        var mails = await h.WaitForMailsAsync(16, _ct);
        Assert.Equal(16, mails.Select(FanOutHarness.MessageId).Distinct().Count());
        Assert.Equal(16, mails.Count);
        Assert.True(await h.Progress.IsCompleteAsync("inc-halt", _ct));
    }
}
