namespace Notifications.Domain.Policy;

/// <summary>The lowest score at which a level starts.</summary>
/// <param name="Level">The level.</param>
/// <param name="MinScore">The score from which it applies.</param>
public sealed record LevelThreshold(HarmLevel Level, decimal MinScore);
