namespace Notifications.Domain.Incidents;

/// <summary>What intake collects for a new incident. The description and reporter are personal or sensitive data:
/// they stay in the incident's partition and never go into queue messages, logs or reminder emails.</summary>
public sealed record IncidentReport(
    string PublicBody,
    string Title,
    string Description,
    DateTimeOffset? Occurred,
    DateTimeOffset Discovered,
    ReporterContact Reporter,
    bool PhysicalHarmPossible);

public sealed record ReporterContact(string Name, string Email, string? Phone);
