namespace Notifications.Domain.Breach;

/// <summary>How far the breach has been contained.</summary>
public enum ContainmentStatus
{
    /// <summary>Not known yet.</summary>
    Unknown,

    /// <summary>Fully contained (e.g. every wrong recipient confirmed deletion).</summary>
    Contained,

    /// <summary>Some but not all of the information has been recovered or deleted.</summary>
    PartiallyContained,

    /// <summary>The body cannot contain it (e.g. stolen, published, recipients unreachable).</summary>
    NotContained,
}
