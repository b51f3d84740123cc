using System.Collections.Immutable;

namespace Notifications.Domain.Incidents;

/// <summary>The incident as folded from its history by <see cref="IncidentDecider.Evolve"/>.</summary>
public sealed record IncidentState
{
    public required string IncidentId { get; init; }
    public IncidentStatus Status { get; init; } = IncidentStatus.None;

    /// <summary>Sequence number of the last history entry.</summary>
    public long Version { get; init; }

    public IncidentReport? Report { get; init; }
    public string? RequestHash { get; init; }
    public DateTimeOffset? ReportedAt { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public Urgency Urgency { get; init; }
    public string? DeadlineBasis { get; init; }
    public ImmutableList<ArmedReminder> Reminders { get; init; } = [];
    public ImmutableHashSet<string> RemindersDue { get; init; } = [];
    public ImmutableHashSet<string> RemindersSent { get; init; } = [];
    public string? ClosedReason { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    public static IncidentState Empty(string incidentId) => new() { IncidentId = incidentId };
}
