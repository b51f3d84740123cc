namespace Notifications.Domain.Policy;

/// <summary>Who a notice element is required for.</summary>
public enum NoticeAudience
{
    /// <summary>The affected individual (direct or indirect notice).</summary>
    Individual,

    /// <summary>The oversight body (BC: the Information and Privacy Commissioner).</summary>
    Regulator,
}
