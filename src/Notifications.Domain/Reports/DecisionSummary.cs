using Notifications.Domain.Assessment;
using Notifications.Domain.Policy;

namespace Notifications.Domain.Reports;

/// <summary>The recorded harm decision: the officer's confirmation of the proposal, or their override.</summary>
/// <param name="SignificantHarm">Whether significant harm could reasonably be expected.</param>
/// <param name="Level">The decided harm level.</param>
/// <param name="Urgency">How soon individuals are notified.</param>
/// <param name="Overridden">The officer overrode the engine's proposal.</param>
/// <param name="OverrideReason">Why, when overridden.</param>
/// <param name="Reasons">The assessment's reasons; their texts name kinds and counts, never values.</param>
public sealed record DecisionSummary(bool SignificantHarm, HarmLevel Level, Urgency Urgency, bool Overridden, string? OverrideReason, IReadOnlyList<AssessmentReason> Reasons);
