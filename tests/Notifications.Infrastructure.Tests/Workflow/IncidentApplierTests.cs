using Microsoft.Extensions.DependencyInjection;
using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Workflow;
using Notifications.TestKit;

namespace Notifications.Infrastructure.Tests.Workflow;

/// <summary>
/// The incident's apply step on real Azurite, as an orchestration's activity runs it: at least once, so every second run
/// of the same event must change nothing and give the same commands back.
/// </summary>
public sealed class IncidentApplierTests(DevServicesFixture fixture)
{
    private static readonly Actor Officer = new("officer-1", "PrivacyOfficer");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task SameEventTwice_LeavesOneHistoryEntry()
    {
        using var sp = TestServices.Build(fixture.Services, Names.Unique("redeliver"));
        var applier = sp.GetRequiredService<IncidentApplier>();
        var store = sp.GetRequiredService<IncidentStore>();
        await applier.ApplyAsync("inc-1", Reported(), Officer, _now, fromInbox: false, _ct);
        var sent = new ReminderSent("reminder-1", "<m1@example.test>") { EventId = "reminder-sent:reminder-1" };

        var first = await applier.ApplyAsync("inc-1", sent, Actor.Activity("reminders"), _now, fromInbox: false, _ct);
        var second = await applier.ApplyAsync("inc-1", sent, Actor.Activity("reminders"), _now, fromInbox: false, _ct);

        var history = await store.HistoryAsync("inc-1", _ct);
        Assert.Equal((EventOutcome.Applied, EventOutcome.Applied), (first.Outcome, second.Outcome));
        Assert.Single(history, h => h.Event is ReminderSent);
    }

    [Fact]
    public async Task TwoRunsOfTheSameEventsAtOnce_KeepHistoryCompleteAndContiguous()
    {
        var prefix = Names.Unique("race");
        using var workerA = TestServices.Build(fixture.Services, prefix);
        using var workerB = TestServices.Build(fixture.Services, prefix);
        await workerA.GetRequiredService<IncidentApplier>().ApplyAsync("inc-1", Reported(), Officer, _now, fromInbox: false, _ct);
        var events = Enumerable.Range(1, 40)
            .Select(i => new ReminderSent($"r{i}", $"<m{i}@example.test>") { EventId = $"reminder-sent:r{i}" })
            .ToList();

        // Each worker gets every event, interleaved differently: both race on every write and every event runs twice.
        var a = Task.Run(() => ApplyAllAsync(workerA.GetRequiredService<IncidentApplier>(), events), _ct);
        var b = Task.Run(() => ApplyAllAsync(workerB.GetRequiredService<IncidentApplier>(), Enumerable.Reverse(events).ToList()), _ct);
        await Task.WhenAll(a, b);

        var history = await workerA.GetRequiredService<IncidentStore>().HistoryAsync("inc-1", _ct);
        var (state, _) = await workerA.GetRequiredService<IncidentStore>().LoadAsync("inc-1", _ct);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(h => h.Sequence));
        Assert.Equal(40, history.Count(h => h.Event is ReminderSent));
        Assert.Equal(events.Select(e => e.ReminderId).Order(), history.Select(h => h.Event).OfType<ReminderSent>().Select(e => e.ReminderId).Order());
        Assert.Equal(history.Count, state.Version);
        Assert.Equal(40, state.RemindersSent.Count);
    }

    [Fact]
    public async Task RunAgainAfterTheCommit_ReturnsTheSameCommands_AndWritesNothing()
    {
        // An activity that committed and then crashed before Durable recorded its result runs again.
        var prefix = Names.Unique("crash");
        ApplyResult first;
        using (var crashed = TestServices.Build(fixture.Services, prefix))
        {
            first = await crashed.GetRequiredService<IncidentApplier>().ApplyAsync("inc-1", Reported(), Officer, _now, fromInbox: false, _ct);
        }

        using var sp = TestServices.Build(fixture.Services, prefix);
        var store = sp.GetRequiredService<IncidentStore>();
        var versionBefore = (await store.LoadAsync("inc-1", _ct)).State.Version;

        var again = await sp.GetRequiredService<IncidentApplier>().ApplyAsync("inc-1", Reported(), Officer, _now.AddMinutes(5), fromInbox: false, _ct);

        Assert.NotEmpty(first.Commands);
        Assert.Equal(first.Commands, again.Commands);
        Assert.Equal(versionBefore, (await store.LoadAsync("inc-1", _ct)).State.Version);
        Assert.Equal(versionBefore, (await store.HistoryAsync("inc-1", _ct)).Count);
    }

    [Fact]
    public async Task DuplicateTimer_ChangesNothingTwice()
    {
        using var sp = TestServices.Build(fixture.Services, Names.Unique("dup"));
        var applier = sp.GetRequiredService<IncidentApplier>();
        var store = sp.GetRequiredService<IncidentStore>();
        await applier.ApplyAsync("inc-1", Reported(physicalHarm: true), Officer, _now, fromInbox: false, _ct);
        var timer = new TimerFired("g1-hourly-0", TimerKind.Reminder, _now) { EventId = "timer-fired:g1-hourly-0" };

        var first = await applier.ApplyAsync("inc-1", timer, Actor.Timer, _now, fromInbox: false, _ct);
        var duplicate = await applier.ApplyAsync("inc-1", timer, Actor.Timer, _now, fromInbox: false, _ct);

        Assert.Equal(first.Commands, duplicate.Commands);
        Assert.Single(await store.HistoryAsync("inc-1", _ct), h => h.Event is ReminderDue);
    }

    [Fact]
    public async Task TimerAfterClose_IsIgnored()
    {
        using var sp = TestServices.Build(fixture.Services, Names.Unique("late"));
        var applier = sp.GetRequiredService<IncidentApplier>();
        await applier.ApplyAsync("inc-1", Reported(), Officer, _now, fromInbox: false, _ct);
        await applier.ApplyAsync("inc-1", new IncidentClosed("Not a breach after all", false) { EventId = "close" }, Officer, _now, fromInbox: false, _ct);

        var result = await applier.ApplyAsync("inc-1", new TimerFired("g1-at", TimerKind.Reminder, _now) { EventId = "t" }, Actor.Timer, _now, fromInbox: false, _ct);

        Assert.Equal(EventOutcome.Ignored, result.Outcome);
        Assert.Empty(result.Commands);
    }

    [Fact]
    public async Task InboxEvent_RefusedByTheRules_RecordsTheReasonOnItsRow_AndAnUnknownIncidentIsNotFound()
    {
        using var sp = TestServices.Build(fixture.Services, Names.Unique("inbox"));
        var applier = sp.GetRequiredService<IncidentApplier>();
        var store = sp.GetRequiredService<IncidentStore>();
        await applier.ApplyAsync("inc-1", Reported(), Officer, _now, fromInbox: false, _ct);
        var approve = new CommissionerReportApproved("", "") { EventId = "report-approved:1" };
        var close = new IncidentClosed("Duplicate report", false) { EventId = "close:1" };
        await store.AddInboxAsync("inc-1", approve, Officer, _now, _ct);
        await store.AddInboxAsync("inc-2", close, Officer, _now, _ct);

        var refused = await applier.ApplyAsync("inc-1", approve, Officer, _now, fromInbox: true, _ct);
        var missing = await applier.ApplyAsync("inc-2", close, Officer, _now, fromInbox: true, _ct);

        Assert.Equal(EventOutcome.Rejected, refused.Outcome);
        var row = await store.InboxAsync("inc-1", approve.EventId, _ct);
        Assert.Equal((EventOutcome.Rejected, refused.Detail), (row!.Outcome, row.Detail));
        Assert.False(string.IsNullOrWhiteSpace(row.Detail));
        Assert.Equal(EventOutcome.NotFound, missing.Outcome);
        Assert.Equal(EventOutcome.NotFound, (await store.InboxAsync("inc-2", close.EventId, _ct))!.Outcome);
        Assert.False(await store.AddInboxAsync("inc-1", approve, Officer, _now, _ct)); // a retried submission is not a second event
    }

    private async Task ApplyAllAsync(IncidentApplier applier, IReadOnlyList<ReminderSent> events)
    {
        foreach (var e in events)
        {
            await applier.ApplyAsync("inc-1", e, Actor.Activity("reminders"), _now, fromInbox: false, _ct);
        }
    }

    private IncidentReported Reported(bool physicalHarm = false) => TestIncidents.Reported(_now.AddDays(-1), physicalHarm);
}
