namespace Notifications.Domain.Incidents;

/// <summary>What handling one inbound event produces: events to append, commands to dispatch after commit.</summary>
public sealed record Decision(IReadOnlyList<IncidentEvent> Events, IReadOnlyList<WorkflowCommand> Commands)
{
    public static Decision Nothing { get; } = new([], []);

    public bool IsEmpty => Events.Count == 0 && Commands.Count == 0;
}
