namespace Notifications.Domain.Incidents;

/// <summary>What handling one inbound event produces: events to append, commands to dispatch after commit.</summary>
public sealed record Decision(IReadOnlyList<IncidentEvent> Events, IReadOnlyList<WorkflowCommand> Commands)
{
    public static Decision Nothing { get; } = new([], []);

    public bool IsEmpty => Events.Count == 0 && Commands.Count == 0;
}

/// <summary>Builds a decision while keeping the state it leads to, so later rules see earlier events' effects.</summary>
internal sealed class DecisionBuilder(IncidentState state, DateTimeOffset now)
{
    private readonly List<IncidentEvent> _events = [];
    private readonly List<WorkflowCommand> _commands = [];

    public IncidentState State { get; private set; } = state;

    public DateTimeOffset Now => now;

    public DecisionBuilder Add(IncidentEvent e)
    {
        _events.Add(e);
        State = IncidentEvolution.Evolve(State, e, now);
        return this;
    }

    public DecisionBuilder Command(WorkflowCommand command)
    {
        _commands.Add(command);
        return this;
    }

    public Decision Build() => new(_events, _commands);
}
