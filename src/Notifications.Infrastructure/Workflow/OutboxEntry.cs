namespace Notifications.Infrastructure.Workflow;

/// <summary>A message committed with the events that caused it, sent to its queue after the commit.</summary>
/// <param name="VisibleAt">When the message should become visible (timers); null for now.</param>
public sealed record OutboxEntry(string IncidentId, string RowKey, string Queue, string Message, DateTimeOffset? VisibleAt, DateTimeOffset CreatedAt);
