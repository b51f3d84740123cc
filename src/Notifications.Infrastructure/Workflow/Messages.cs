using System.Text.Json;
using Notifications.Domain.Incidents;

namespace Notifications.Infrastructure.Workflow;

/// <summary>
/// A queue message to an incident's workflow. Carries ids, type, schema version and trace context; never personal
/// information. Only events whose fields are ids and times may travel this way (see <see cref="QueueableEvents"/>).
/// </summary>
public sealed record EventMessage(int Schema, string IncidentId, IncidentEvent Event, string? TraceParent)
{
    public const int CurrentSchema = 1;

    /// <summary>Events that are safe on a queue: no free text, no report contents.</summary>
    public static IReadOnlySet<Type> QueueableEvents { get; } = new HashSet<Type> { typeof(TimerFired), typeof(ReminderSent) };

    public string ToJson()
    {
        if (!QueueableEvents.Contains(Event.GetType()))
        {
            throw new InvalidOperationException($"{Event.TypeName} must not travel on a queue.");
        }

        return JsonSerializer.Serialize(this, WorkflowJson.Options);
    }

    public static EventMessage Parse(string json) =>
        JsonSerializer.Deserialize<EventMessage>(json, WorkflowJson.Options) is { IncidentId: not null, Event: not null } message
            ? message
            : throw new FormatException("Not an incident event message.");
}

/// <summary>A queue message asking an activity to carry out one command of an incident.</summary>
public sealed record ActivityMessage(int Schema, string IncidentId, WorkflowCommand Command, string? TraceParent)
{
    public const int CurrentSchema = 1;

    public string ToJson() => JsonSerializer.Serialize(this, WorkflowJson.Options);

    public static ActivityMessage Parse(string json) =>
        JsonSerializer.Deserialize<ActivityMessage>(json, WorkflowJson.Options) is { IncidentId: not null, Command: not null } message
            ? message
            : throw new FormatException("Not an activity message.");
}
