namespace Notifications.Domain.Incidents;

public enum IncidentStatus
{
    /// <summary>No report has been registered under this id.</summary>
    None,

    /// <summary>Registered; the notification clock is running.</summary>
    Open,

    /// <summary>Closed by a privacy officer. Late timers find it closed and do nothing.</summary>
    Closed,
}
