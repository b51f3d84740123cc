using System.Text.Json.Serialization;
using Notifications.Domain.Breach;

namespace Notifications.Domain.Incidents;

/// <summary>
/// What intake collects for a new incident: the structured facts the assessment weighs, plus a title, a description
/// and the reporter. Title, description and reporter can hold personal information: they stay in the incident's
/// partition and never go into queue messages, logs or reminder emails.
/// </summary>
public sealed record IncidentReport(string Title, string Description, ReporterContact Reporter, BreachFacts Facts)
{
    /// <summary>The first public body, for the register and reminders.</summary>
    [JsonIgnore]
    public string PublicBody => Facts.PublicBodies[0].Name;
}

public sealed record ReporterContact(string Name, string Email, string? Phone);
