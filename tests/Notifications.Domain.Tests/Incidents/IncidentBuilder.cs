using Notifications.Domain.Incidents;

namespace Notifications.Domain.Tests.Incidents;

/// <summary>Builders for incident workflow tests.</summary>
public static class IncidentBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static IncidentReport Report(bool physicalHarm = false, DateTimeOffset? discovered = null) => new(
        "Ministry of Examples",
        "Misdirected email",
        "A spreadsheet was emailed to the wrong list.",
        Now.AddDays(-2),
        discovered ?? Now.AddDays(-1),
        new ReporterContact("Pat Reporter", "pat@example.test", "250-555-0100"),
        physicalHarm);

    public static IncidentReported Reported(bool physicalHarm = false, DateTimeOffset? discovered = null) =>
        new(Report(physicalHarm, discovered), "hash") { EventId = "reported" };

    /// <summary>One sample of every inbound event type, for the transition table.</summary>
    public static IncidentEvent SampleOf(Type type) => type.Name switch
    {
        nameof(IncidentReported) => Reported(),
        nameof(TimerFired) => new TimerFired("reminder-1", TimerKind.Reminder, Now) { EventId = "timer-fired:reminder-1" },
        nameof(ReminderSent) => new ReminderSent("reminder-1", "<m@x>") { EventId = "reminder-sent:reminder-1" },
        nameof(IncidentClosed) => new IncidentClosed("Duplicate of another report") { EventId = "close-1" },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name),
    };

    /// <summary>A state in <paramref name="status"/>, reached the way the workflow reaches it.</summary>
    public static IncidentState InStatus(IncidentStatus status)
    {
        var decider = new IncidentDecider(DeadlinePolicy.BcFoippaDefault);
        var state = IncidentState.Empty("inc-1");
        if (status == IncidentStatus.None)
        {
            return state;
        }

        state = Apply(decider, state, Reported());
        return status == IncidentStatus.Closed ? Apply(decider, state, SampleOf(typeof(IncidentClosed))) : state;
    }

    public static IncidentState Apply(IncidentDecider decider, IncidentState state, IncidentEvent inbound) =>
        decider.Decide(state, inbound, Now).Events.Aggregate(state, (s, e) => IncidentDecider.Evolve(s, e, Now));
}
