using System.Text.Json.Serialization;

namespace Notifications.Domain.Incidents;

/// <summary>
/// Something the workflow asks the outside world to do. The engine stores commands in the incident's outbox in the
/// same transaction as the events, then dispatches them to queues. <see cref="CommandId"/> is deterministic.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ScheduleTimer), "schedule-timer")]
[JsonDerivedType(typeof(SendReminder), "send-reminder")]
[JsonDerivedType(typeof(AssessHarm), "assess-harm")]
[JsonDerivedType(typeof(SendDeletionRequests), "send-deletion-requests")]
[JsonDerivedType(typeof(SendCommissionerReport), "send-commissioner-report")]
public abstract record WorkflowCommand(string CommandId);

/// <summary>Deliver <see cref="TimerFired"/> back to this incident at <paramref name="DueAt"/>.</summary>
public sealed record ScheduleTimer(string CommandId, string TimerId, TimerKind Kind, DateTimeOffset DueAt) : WorkflowCommand(CommandId);

/// <summary>Email the privacy office a deadline reminder.</summary>
public sealed record SendReminder(string CommandId, string ReminderId) : WorkflowCommand(CommandId);

/// <summary>Run the harm assessment on this version of the facts.</summary>
public sealed record AssessHarm(string CommandId, int FactsVersion) : WorkflowCommand(CommandId);

/// <summary>Email each registered wrong recipient of a task a request to delete, with a one-time link.</summary>
public sealed record SendDeletionRequests(string CommandId, string TaskId) : WorkflowCommand(CommandId);

/// <summary>Email the approved report to the Commissioner.</summary>
public sealed record SendCommissionerReport(string CommandId) : WorkflowCommand(CommandId);
