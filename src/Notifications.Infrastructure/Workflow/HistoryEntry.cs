using Notifications.Domain.Incidents;

namespace Notifications.Infrastructure.Workflow;

/// <summary>One appended fact of an incident: who did what, when, and the event (which carries the why).</summary>
public sealed record HistoryEntry(long Sequence, DateTimeOffset At, string Type, Actor Actor, IncidentEvent Event);
