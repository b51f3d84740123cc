namespace Notifications.Domain.Incidents;

public enum IncidentStatus
{
    /// <summary>No report has been registered under this id.</summary>
    None,

    /// <summary>Registered: containment under way, the harm assessment proposed or awaiting a privacy officer's decision.</summary>
    Open,

    /// <summary>Significant harm confirmed: individuals and the Commissioner must be notified.</summary>
    Notifying,

    /// <summary>Closed, below the threshold with its reasons or by a privacy officer. It stays in the register.</summary>
    Closed,
}
