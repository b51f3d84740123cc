using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary>The incident as the API shows it to signed-in staff.</summary>
public sealed record IncidentView(
    string Id,
    IncidentStatus Status,
    long Version,
    IncidentReport? Report,
    DateTimeOffset? ReportedAt,
    DateTimeOffset? Deadline,
    Urgency Urgency,
    string? DeadlineBasis,
    IReadOnlyList<ArmedReminder> Reminders,
    IReadOnlyCollection<string> RemindersSent,
    string? ClosedReason,
    DateTimeOffset? ClosedAt)
{
    public static IncidentView From(IncidentState s) => new(
        s.IncidentId, s.Status, s.Version, s.Report, s.ReportedAt, s.Deadline, s.Urgency, s.DeadlineBasis,
        s.Reminders, s.RemindersSent.Order().ToList(), s.ClosedReason, s.ClosedAt);
}

public sealed record HistoryView(long Sequence, DateTimeOffset At, string Type, Actor Actor, IncidentEvent Event)
{
    public static HistoryView From(HistoryEntry h) => new(h.Sequence, h.At, h.Type, h.Actor, h.Event);
}
