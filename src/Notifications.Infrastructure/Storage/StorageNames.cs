namespace Notifications.Infrastructure.Storage;

/// <summary>Base names of the queues and tables; <see cref="StorageOptions.NamePrefix"/> is prepended at run time.</summary>
public static class StorageNames
{
    /// <summary>Inbound workflow events without personal information: fired timers, activity results.</summary>
    public const string IncidentEventsQueue = "incident-events";

    /// <summary>Reminder emails to the privacy office.</summary>
    public const string RemindersQueue = "activity-reminders";

    /// <summary>One partition per incident: state, history, outbox, dedupe and activity markers.</summary>
    public const string IncidentsTable = "incidents";
}
