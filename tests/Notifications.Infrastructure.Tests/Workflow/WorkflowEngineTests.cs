using Microsoft.Extensions.DependencyInjection;
using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Storage;
using Notifications.Infrastructure.Workflow;
using Notifications.TestKit;

namespace Notifications.Infrastructure.Tests.Workflow;

public sealed class WorkflowEngineTests(DevServicesFixture fixture)
{
    private static readonly Actor Officer = new("officer-1", "PrivacyOfficer");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_SameEventTwice_LeavesOneHistoryEntry()
    {
        using var sp = TestServices.Build(fixture.Services, Names.Unique("redeliver"));
        var engine = sp.GetRequiredService<WorkflowEngine>();
        var store = sp.GetRequiredService<IncidentStore>();
        await engine.HandleAsync("inc-1", Reported(), Officer, _ct);
        var sent = new ReminderSent("reminder-1", "<m1@example.test>") { EventId = "reminder-sent:reminder-1" };

        var first = await engine.HandleAsync("inc-1", sent, Actor.Activity("reminders"), _ct);
        var second = await engine.HandleAsync("inc-1", sent, Actor.Activity("reminders"), _ct);

        var history = await store.HistoryAsync("inc-1", _ct);
        Assert.Equal(HandleOutcome.Applied, first.Outcome);
        Assert.Equal(HandleOutcome.Duplicate, second.Outcome);
        Assert.Single(history, h => h.Event is ReminderSent);
    }

    [Fact]
    public async Task HandleAsync_TwoWorkersAtOnce_KeepHistoryCompleteAndContiguous()
    {
        var prefix = Names.Unique("race");
        using var workerA = TestServices.Build(fixture.Services, prefix);
        using var workerB = TestServices.Build(fixture.Services, prefix);
        await workerA.GetRequiredService<WorkflowEngine>().HandleAsync("inc-1", Reported(), Officer, _ct);
        var events = Enumerable.Range(1, 40)
            .Select(i => new ReminderSent($"r{i}", $"<m{i}@example.test>") { EventId = $"reminder-sent:r{i}" })
            .ToList();

        // Each worker gets every event, interleaved differently: both race on every write and every delivery is doubled.
        var a = Task.Run(() => HandleAllAsync(workerA.GetRequiredService<WorkflowEngine>(), events), _ct);
        var b = Task.Run(() => HandleAllAsync(workerB.GetRequiredService<WorkflowEngine>(), Enumerable.Reverse(events).ToList()), _ct);
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
    public async Task CrashBetweenCommitAndDispatch_RedriveDeliversOutboxOnceInEffect()
    {
        var prefix = Names.Unique("crash");
        using (var crashing = TestServices.Build(fixture.Services, prefix, s => s.AddSingleton<IOutboxDispatcher, CrashingDispatcher>()))
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(() =>
                crashing.GetRequiredService<WorkflowEngine>().HandleAsync("inc-1", Reported(), Officer, _ct));
        }

        // A fresh process: the commit survived, the messages were never sent.
        using var sp = TestServices.Build(fixture.Services, prefix);
        var storage = sp.GetRequiredService<StorageClients>();
        var events = await storage.QueueAsync(StorageNames.IncidentEventsQueue);
        var (state, _) = await sp.GetRequiredService<IncidentStore>().LoadAsync("inc-1", _ct);
        Assert.Equal(IncidentStatus.Open, state.Status);
        Assert.Equal(0, (await events.GetPropertiesAsync(_ct)).Value.ApproximateMessagesCount);

        var sweeper = sp.GetRequiredService<OutboxSweeper>();
        var redriven = await sweeper.RedriveAsync(TimeSpan.Zero, _ct);
        var again = await sweeper.RedriveAsync(TimeSpan.Zero, _ct);

        // One timer per reminder on the events queue, and the assessment request on its own queue.
        var assessments = await storage.QueueAsync(StorageNames.AssessmentsQueue);
        Assert.Equal(state.Reminders.Count + 1, redriven);
        Assert.Equal(0, again);
        Assert.Equal(state.Reminders.Count, (await events.GetPropertiesAsync(_ct)).Value.ApproximateMessagesCount);
        Assert.Equal(1, (await assessments.GetPropertiesAsync(_ct)).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task CrashAfterSendBeforeDelete_DuplicateTimerMessage_ChangesNothingTwice()
    {
        using var sp = TestServices.Build(fixture.Services, Names.Unique("dup"));
        var engine = sp.GetRequiredService<WorkflowEngine>();
        var store = sp.GetRequiredService<IncidentStore>();
        await engine.HandleAsync("inc-1", Reported(physicalHarm: true), Officer, _ct);
        var timer = new TimerFired("g1-hourly-0", TimerKind.Reminder, DateTimeOffset.UtcNow) { EventId = "timer-fired:g1-hourly-0" };

        await engine.HandleAsync("inc-1", timer, Actor.Timer, _ct);
        var duplicate = await engine.HandleAsync("inc-1", timer, Actor.Timer, _ct);

        var history = await store.HistoryAsync("inc-1", _ct);
        Assert.Equal(HandleOutcome.Duplicate, duplicate.Outcome);
        Assert.Single(history, h => h.Event is ReminderDue);
    }

    [Fact]
    public async Task HandleAsync_TimerAfterClose_IsIgnored()
    {
        using var sp = TestServices.Build(fixture.Services, Names.Unique("late"));
        var engine = sp.GetRequiredService<WorkflowEngine>();
        await engine.HandleAsync("inc-1", Reported(), Officer, _ct);
        await engine.HandleAsync("inc-1", new IncidentClosed("Not a breach after all", false) { EventId = "close" }, Officer, _ct);

        var result = await engine.HandleAsync("inc-1", new TimerFired("g1-at", TimerKind.Reminder, DateTimeOffset.UtcNow) { EventId = "t" }, Actor.Timer, _ct);

        Assert.Equal(HandleOutcome.Ignored, result.Outcome);
        Assert.Equal(IncidentStatus.Closed, result.State.Status);
    }

    private async Task HandleAllAsync(WorkflowEngine engine, IReadOnlyList<ReminderSent> events)
    {
        foreach (var e in events)
        {
            await engine.HandleAsync("inc-1", e, Actor.Activity("reminders"), _ct);
        }
    }

    private static IncidentReported Reported(bool physicalHarm = false) => TestIncidents.Reported(DateTimeOffset.UtcNow.AddDays(-1), physicalHarm);

    private sealed class CrashingDispatcher : IOutboxDispatcher
    {
        public Task DispatchAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken ct) => throw new SimulatedCrashException();
    }

    private sealed class SimulatedCrashException : Exception;
}
