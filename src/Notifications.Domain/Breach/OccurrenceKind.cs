namespace Notifications.Domain.Breach;

/// <summary>How precisely the time the breach occurred is known.</summary>
public enum OccurrenceKind
{
    /// <summary>Not known yet.</summary>
    Unknown,

    /// <summary>A single date or instant.</summary>
    Date,

    /// <summary>Somewhere within a period.</summary>
    Period,
}
