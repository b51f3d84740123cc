using Notifications.Domain.Incidents;

namespace Notifications.Domain.Tests.Incidents;

public sealed class IncidentTransitionsTests
{
    /// <summary>Every status × inbound event pair, with what must happen.</summary>
    public static TheoryData<IncidentStatus, string, TransitionKind, IncidentStatus> Pairs => new()
    {
        { IncidentStatus.None, nameof(IncidentReported), TransitionKind.Apply, IncidentStatus.Open },
        { IncidentStatus.None, nameof(TimerFired), TransitionKind.Reject, IncidentStatus.None },
        { IncidentStatus.None, nameof(ReminderSent), TransitionKind.Reject, IncidentStatus.None },
        { IncidentStatus.None, nameof(IncidentClosed), TransitionKind.Reject, IncidentStatus.None },
        { IncidentStatus.Open, nameof(IncidentReported), TransitionKind.Reject, IncidentStatus.Open },
        { IncidentStatus.Open, nameof(TimerFired), TransitionKind.Apply, IncidentStatus.Open },
        { IncidentStatus.Open, nameof(ReminderSent), TransitionKind.Apply, IncidentStatus.Open },
        { IncidentStatus.Open, nameof(IncidentClosed), TransitionKind.Apply, IncidentStatus.Closed },
        { IncidentStatus.Closed, nameof(IncidentReported), TransitionKind.Reject, IncidentStatus.Closed },
        { IncidentStatus.Closed, nameof(TimerFired), TransitionKind.Ignore, IncidentStatus.Closed },
        { IncidentStatus.Closed, nameof(ReminderSent), TransitionKind.Apply, IncidentStatus.Closed },
        { IncidentStatus.Closed, nameof(IncidentClosed), TransitionKind.Reject, IncidentStatus.Closed },
    };

    [Fact]
    public void Pairs_CoverEveryStatusAndInboundEvent()
    {
        var covered = Pairs.Select(row => (row.Data.Item1, row.Data.Item2)).ToHashSet();

        var all = Enum.GetValues<IncidentStatus>()
            .SelectMany(s => IncidentTransitions.InboundEvents.Select(t => (s, t.Name)));

        Assert.All(all, pair => Assert.Contains(pair, covered));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void For_StatusAndEvent_GivesTheTableEntry(IncidentStatus from, string eventType, TransitionKind kind, IncidentStatus to)
    {
        var type = IncidentTransitions.InboundEvents.Single(t => t.Name == eventType);

        var transition = IncidentTransitions.For(from, type);

        Assert.Equal(new Transition(kind, to), transition);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Decide_FollowsTheTable(IncidentStatus from, string eventType, TransitionKind kind, IncidentStatus to)
    {
        var decider = new IncidentDecider(DeadlinePolicy.BcFoippaDefault);
        var state = IncidentBuilder.InStatus(from);
        var inbound = IncidentBuilder.SampleOf(IncidentTransitions.InboundEvents.Single(t => t.Name == eventType));

        if (kind == TransitionKind.Reject)
        {
            var error = Assert.Throws<InvalidTransitionException>(() => decider.Decide(state, inbound, IncidentBuilder.Now));
            Assert.Equal(from, error.From);
            Assert.Equal(inbound.TypeName, error.Operation);
            return;
        }

        var decision = decider.Decide(state, inbound, IncidentBuilder.Now);
        var after = decision.Events.Aggregate(state, (s, e) => IncidentDecider.Evolve(s, e, IncidentBuilder.Now));

        Assert.Equal(kind == TransitionKind.Ignore, decision.IsEmpty);
        Assert.Equal(to, after.Status);
    }
}
