using System.Text.Json.Serialization;

namespace Notifications.Domain.Incidents;

/// <summary>
/// Something that happened to an incident. Inbound events (a report, a fired timer, an activity's result, a human
/// decision) go through <see cref="IncidentDecider.Decide"/>; the events it returns are appended to the history.
/// The wire form is additive: fields are never renamed or removed while incidents are in flight.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(IncidentReported), "incident-reported")]
[JsonDerivedType(typeof(DeadlineSet), "deadline-set")]
[JsonDerivedType(typeof(RemindersArmed), "reminders-armed")]
[JsonDerivedType(typeof(TimerFired), "timer-fired")]
[JsonDerivedType(typeof(ReminderDue), "reminder-due")]
[JsonDerivedType(typeof(ReminderSent), "reminder-sent")]
[JsonDerivedType(typeof(IncidentClosed), "incident-closed")]
public abstract record IncidentEvent
{
    /// <summary>Deterministic id; the engine stores a dedupe marker per id, so a redelivered event changes nothing.</summary>
    public required string EventId { get; init; }

    public int SchemaVersion { get; init; } = 1;

    /// <summary>The stable type name used on the wire and in the history.</summary>
    public string TypeName => EventTypes.NameOf(GetType());
}

/// <summary>A breach report was taken at intake. Holds the report itself, so it never travels on a queue.</summary>
public sealed record IncidentReported(IncidentReport Report, string RequestHash) : IncidentEvent;

/// <summary>The notification deadline, and why it is that.</summary>
public sealed record DeadlineSet(DateTimeOffset Deadline, Urgency Urgency, string Basis) : IncidentEvent;

/// <summary>Reminder timers armed for the privacy office.</summary>
public sealed record RemindersArmed(IReadOnlyList<ArmedReminder> Reminders) : IncidentEvent;

public sealed record ArmedReminder(string ReminderId, DateTimeOffset DueAt, TimeSpan OffsetFromDeadline);

/// <summary>A timer came due. Timers are never cancelled; the state decides whether it still matters.</summary>
public sealed record TimerFired(string TimerId, TimerKind Kind, DateTimeOffset DueAt) : IncidentEvent;

/// <summary>A reminder is due and an email to the privacy office was requested.</summary>
public sealed record ReminderDue(string ReminderId, DateTimeOffset Deadline) : IncidentEvent;

/// <summary>The reminder activity handed the email to the mail relay.</summary>
public sealed record ReminderSent(string ReminderId, string MessageId) : IncidentEvent;

/// <summary>A privacy officer closed the incident, with the reason.</summary>
public sealed record IncidentClosed(string Reason) : IncidentEvent;

public enum TimerKind
{
    Reminder,
}

public enum Urgency
{
    Standard,
    Immediate,
}

/// <summary>Maps event types to their wire names (the <see cref="JsonDerivedTypeAttribute"/> discriminators).</summary>
public static class EventTypes
{
    private static readonly Dictionary<Type, string> Names =
        typeof(IncidentEvent).GetCustomAttributes(typeof(JsonDerivedTypeAttribute), inherit: false)
            .Cast<JsonDerivedTypeAttribute>()
            .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    public static IReadOnlyCollection<Type> All => Names.Keys;

    public static string NameOf(Type type) => Names[type];
}
