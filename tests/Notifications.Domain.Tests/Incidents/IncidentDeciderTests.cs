using Notifications.Domain.Incidents;

namespace Notifications.Domain.Tests.Incidents;

public sealed class IncidentDeciderTests
{
    private static readonly DateTimeOffset Now = IncidentBuilder.Now;
    private readonly IncidentDecider _decider = new(DeadlinePolicy.BcFoippaDefault);

    public static TheoryData<string, bool, int, Urgency, int> Deadlines => new()
    {
        // name, physical harm, discovered days before now, urgency, expected deadline in days from now
        { "standard: 7 days after discovery", false, 1, Urgency.Standard, 6 },
        { "discovered today", false, 0, Urgency.Standard, 7 },
        { "physical harm: now", true, 1, Urgency.Immediate, 0 },
        { "physical harm outranks discovery", true, 0, Urgency.Immediate, 0 },
    };

    [Theory]
    [MemberData(nameof(Deadlines))]
    public void Decide_Reported_SetsDeadlineFromPolicy(string name, bool physicalHarm, int discoveredDaysAgo, Urgency urgency, int deadlineDays)
    {
        var decision = _decider.Decide(IncidentState.Empty("i"), IncidentBuilder.Reported(physicalHarm, Now.AddDays(-discoveredDaysAgo)), Now);

        var set = decision.Events.OfType<DeadlineSet>().Single();
        Assert.True(Now.AddDays(deadlineDays) == set.Deadline, name);
        Assert.Equal(urgency, set.Urgency);
        Assert.Contains("bc-foippa", set.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_Reported_ArmsOneTimerPerFutureOffsetAndOneNowForThePast()
    {
        // Discovered 5 days ago: deadline in 2 days; offsets -3d (past), -1d, 0, +1d, +2d.
        var decision = _decider.Decide(IncidentState.Empty("i"), IncidentBuilder.Reported(discovered: Now.AddDays(-5)), Now);

        var timers = decision.Commands.OfType<ScheduleTimer>().ToList();
        Assert.Equal([Now, Now.AddDays(1), Now.AddDays(2), Now.AddDays(3), Now.AddDays(4)], timers.Select(t => t.DueAt));
        Assert.Equal(timers.Count, timers.Select(t => t.CommandId).Distinct().Count());
    }

    [Fact]
    public void Decide_PhysicalHarm_RemindsNowOnceForAllPastOffsets()
    {
        var decision = _decider.Decide(IncidentState.Empty("i"), IncidentBuilder.Reported(physicalHarm: true), Now);

        var timers = decision.Commands.OfType<ScheduleTimer>().ToList();
        Assert.Single(timers, t => t.DueAt == Now);
        Assert.All(timers, t => Assert.True(t.DueAt >= Now));
    }

    [Fact]
    public void Decide_TimerFired_AsksForTheReminderOnce()
    {
        var state = IncidentBuilder.InStatus(IncidentStatus.Open);
        var timer = (TimerFired)IncidentBuilder.SampleOf(typeof(TimerFired));

        var first = _decider.Decide(state, timer, Now);
        var after = first.Events.Aggregate(state, (s, e) => IncidentDecider.Evolve(s, e, Now));
        var second = _decider.Decide(after, timer with { EventId = "another-delivery" }, Now);

        Assert.IsType<SendReminder>(Assert.Single(first.Commands));
        Assert.True(second.IsEmpty);
    }

    [Fact]
    public void Decide_ReminderSentTwice_RecordsItOnce()
    {
        var state = IncidentBuilder.InStatus(IncidentStatus.Open);
        var sent = (ReminderSent)IncidentBuilder.SampleOf(typeof(ReminderSent));

        var after = IncidentBuilder.Apply(_decider, state, sent);

        Assert.True(_decider.Decide(after, sent with { EventId = "again" }, Now).IsEmpty);
    }

    [Fact]
    public void Evolve_Closed_KeepsTheReason()
    {
        var state = IncidentBuilder.InStatus(IncidentStatus.Closed);

        Assert.Equal("Duplicate of another report", state.ClosedReason);
        Assert.Equal(Now, state.ClosedAt);
    }
}
