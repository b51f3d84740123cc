namespace Notifications.Domain.Assessment;

/// <summary>How soon people must be notified.</summary>
public enum Urgency
{
    /// <summary>Within the pack's standard period (BC: a week from discovery).</summary>
    Standard,

    /// <summary>Immediately, even before all facts are known; follow-ups may add details.</summary>
    Immediate,
}
