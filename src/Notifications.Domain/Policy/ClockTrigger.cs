namespace Notifications.Domain.Policy;

/// <summary>The moment a regime's notification clock starts.</summary>
public enum ClockTrigger
{
    /// <summary>When the breach occurred (the start of the period when only a period is known).</summary>
    Occurred,

    /// <summary>When the body discovered the breach (HIPAA "discovery"; BC "uncovering").</summary>
    Discovered,

    /// <summary>When the body became aware of the breach (GDPR); the same fact as <see cref="Discovered"/>.</summary>
    Aware,

    /// <summary>When the body determined it was a breach (PIPEDA, TBS).</summary>
    Determined,
}
