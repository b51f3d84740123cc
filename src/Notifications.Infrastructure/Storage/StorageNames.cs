namespace Notifications.Infrastructure.Storage;

/// <summary>Base names of the queues and tables; <see cref="StorageOptions.NamePrefix"/> is prepended at run time.</summary>
public static class StorageNames
{
    /// <summary>One partition per incident: state, history, inbox, applied and activity markers.</summary>
    public const string IncidentsTable = "incidents";
}
