namespace Notifications.Domain.Incidents;

/// <summary>What an inbound event does in a given status.</summary>
public enum TransitionKind
{
    /// <summary>Handle it; the incident moves to (or stays in) the target status.</summary>
    Apply,

    /// <summary>A late or moot event (a timer after closing): record nothing, change nothing.</summary>
    Ignore,

    /// <summary>Not allowed: the caller gets an <see cref="InvalidTransitionException"/>.</summary>
    Reject,
}

public readonly record struct Transition(TransitionKind Kind, IncidentStatus To);

/// <summary>The one explicit transition table of the incident workflow: status × inbound event type.</summary>
public static class IncidentTransitions
{
    private static readonly Dictionary<(IncidentStatus, Type), Transition> Table = new()
    {
        [(IncidentStatus.None, typeof(IncidentReported))] = Apply(IncidentStatus.Open),
        [(IncidentStatus.Open, typeof(TimerFired))] = Apply(IncidentStatus.Open),
        [(IncidentStatus.Open, typeof(ReminderSent))] = Apply(IncidentStatus.Open),
        [(IncidentStatus.Open, typeof(IncidentClosed))] = Apply(IncidentStatus.Closed),
        [(IncidentStatus.Closed, typeof(TimerFired))] = Ignore(IncidentStatus.Closed),
        // The mail went out before the close was seen; the record keeps what really happened.
        [(IncidentStatus.Closed, typeof(ReminderSent))] = Apply(IncidentStatus.Closed),
    };

    /// <summary>Inbound event types: those that arrive from intake, timers, activities or people.</summary>
    public static IReadOnlyList<Type> InboundEvents { get; } =
        [typeof(IncidentReported), typeof(TimerFired), typeof(ReminderSent), typeof(IncidentClosed)];

    /// <summary>The transition for <paramref name="eventType"/> in <paramref name="from"/>; anything not listed is rejected.</summary>
    public static Transition For(IncidentStatus from, Type eventType) =>
        Table.TryGetValue((from, eventType), out var transition) ? transition : new(TransitionKind.Reject, from);

    private static Transition Apply(IncidentStatus to) => new(TransitionKind.Apply, to);

    private static Transition Ignore(IncidentStatus to) => new(TransitionKind.Ignore, to);
}

/// <summary>An event that the incident's current status does not allow.</summary>
public sealed class InvalidTransitionException(IncidentStatus from, string operation)
    : InvalidOperationException($"'{operation}' is not allowed while the incident is {from}.")
{
    public IncidentStatus From { get; } = from;

    public string Operation { get; } = operation;
}
