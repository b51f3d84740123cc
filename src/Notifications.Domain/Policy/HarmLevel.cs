namespace Notifications.Domain.Policy;

/// <summary>The proposed level of harm, lowest first.</summary>
public enum HarmLevel
{
    /// <summary>Little likelihood of harm.</summary>
    Low,

    /// <summary>Some likelihood of harm, below the threshold in most packs.</summary>
    Medium,

    /// <summary>Harm is likely.</summary>
    High,

    /// <summary>Serious harm is likely or physical harm is possible.</summary>
    Critical,
}
