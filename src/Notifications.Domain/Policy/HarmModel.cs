namespace Notifications.Domain.Policy;

/// <summary>The pack's threshold test: weighted factors, combinations, score-to-level bands and urgency rules.</summary>
/// <param name="Factors">The factors, in the order their reasons are listed.</param>
/// <param name="Combinations">Data-element combinations read by the <c>combination</c> factor.</param>
/// <param name="Levels">One band per <see cref="HarmLevel"/>; Low must start at or below every reachable score.</param>
/// <param name="SignificantFrom">The lowest level that is significant harm (notification required).</param>
/// <param name="Urgency">When notice is immediate.</param>
public sealed record HarmModel(
    IReadOnlyList<HarmFactor> Factors,
    IReadOnlyList<Combination> Combinations,
    IReadOnlyList<LevelThreshold> Levels,
    HarmLevel SignificantFrom,
    UrgencyRules Urgency);
