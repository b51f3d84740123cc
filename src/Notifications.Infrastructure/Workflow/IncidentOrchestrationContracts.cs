using Notifications.Domain.Incidents;

namespace Notifications.Infrastructure.Workflow;

/// <summary>
/// The incident orchestration's wire contracts: ids, times and counts, never personal information (Durable keeps them
/// in its history). Fields are only ever added while instances are in flight.
/// </summary>
public static class IncidentOrchestrationNames
{
    /// <summary>The orchestration; one instance per incident, whose instance id is the incident id.</summary>
    public const string Orchestration = "IncidentOrchestration";

    /// <summary>The external event that tells the orchestration an inbound event is in the incident's inbox.</summary>
    public const string InboundEvent = "incident-event";

    /// <summary>
    /// host.json <c>defaultVersion</c> since the orchestration takes its pending reminders from the incident's state at
    /// the start of every execution after the first (<c>PendingIncidentTimers</c>): a restarted instance keeps them.
    /// Version 1 instances (and those started without a version) replay as they ran.
    /// </summary>
    public const string RecoversTimersVersion = "2";

    /// <summary>The activity that lists the reminders the incident's state still has armed and not yet due.</summary>
    public const string PendingTimers = "PendingIncidentTimers";

    /// <summary>True for an instance of <see cref="RecoversTimersVersion"/> or later.</summary>
    public static bool RecoversTimers(string? version) =>
        int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)
        && v >= int.Parse(RecoversTimersVersion, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A durable timer the orchestration keeps for the incident (a reminder slot of the decider).</summary>
public sealed record PendingTimer(string TimerId, TimerKind Kind, DateTimeOffset DueAt);

/// <param name="FirstEventId">The inbox event to apply first (the report that started the instance).</param>
/// <param name="Timers">The timers still pending, carried across <c>ContinueAsNew</c>.</param>
public sealed record IncidentOrchestrationInput(string IncidentId, string? FirstEventId, IReadOnlyList<PendingTimer> Timers);

/// <summary>The payload of <see cref="IncidentOrchestrationNames.InboundEvent"/>: which inbox row to apply.</summary>
public sealed record InboundSignal(string EventId);

/// <summary>The orchestration's custom status, for operators: what it did last and what it waits for.</summary>
/// <param name="Version">The orchestration version the instance runs (<c>context.Version</c>; empty when started without one).</param>
public sealed record IncidentOrchestrationStatus(string? LastEvent, DateTimeOffset? LastAt, EventOutcome? LastOutcome, PendingTimer? NextTimer, int PendingTimers, int Handled, string? Version = null);

/// <summary>Apply one inbound event: an inbox row by its id, or a durable timer that fired; at the orchestration's time.</summary>
public sealed record ApplyRequest(string IncidentId, string? EventId, PendingTimer? Timer, DateTimeOffset Now);

/// <summary>Carry out one command the decider returned for the incident, at the orchestration's time.</summary>
public sealed record CommandRequest(string IncidentId, WorkflowCommand Command, DateTimeOffset Now);
