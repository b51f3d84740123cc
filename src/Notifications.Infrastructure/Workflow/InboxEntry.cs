using Notifications.Domain.Incidents;

namespace Notifications.Infrastructure.Workflow;

/// <summary>What became of an inbound event: not yet decided (<see cref="Pending"/>), or the incident's answer to it.</summary>
public enum EventOutcome
{
    Pending,
    Applied,

    /// <summary>The state made the event moot (a timer after closing, a repeated decision): nothing changed.</summary>
    Ignored,

    /// <summary>The rules refused it now (409 with <see cref="InboxEntry.Detail"/>).</summary>
    Rejected,

    /// <summary>There is no such incident (404).</summary>
    NotFound,
}

/// <summary>
/// An inbound event as submitted to an incident (a human decision, an outside fact), kept in the incident's own
/// partition so that its data, personal information included, never travels through Durable: the orchestration gets
/// only its id. The incident's apply step records the outcome on the same row, in the same transaction as its effects.
/// </summary>
public sealed record InboxEntry(
    string IncidentId, string EventId, IncidentEvent Event, Actor Actor, DateTimeOffset SubmittedAt,
    EventOutcome Outcome, string? Detail, DateTimeOffset? DecidedAt);
