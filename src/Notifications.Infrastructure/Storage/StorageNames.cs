namespace Notifications.Infrastructure.Storage;

/// <summary>Base names of the queues and tables; <see cref="StorageOptions.NamePrefix"/> is prepended at run time.</summary>
public static class StorageNames
{
    /// <summary>Inbound workflow events without personal information: fired timers, activity results.</summary>
    public const string IncidentEventsQueue = "incident-events";

    /// <summary>Reminder emails to the privacy office.</summary>
    public const string RemindersQueue = "activity-reminders";

    /// <summary>Harm assessments to run (one version of an incident's facts each).</summary>
    public const string AssessmentsQueue = "activity-assessments";

    /// <summary>Deletion requests to the wrong recipients of a misdirected email.</summary>
    public const string DeletionRequestsQueue = "activity-deletion-requests";

    /// <summary>Approved reports to send to the Commissioner.</summary>
    public const string CommissionerReportsQueue = "activity-commissioner-reports";

    /// <summary>One partition per incident: state, history, outbox, dedupe and activity markers.</summary>
    public const string IncidentsTable = "incidents";
}
