using Notifications.Domain.Policy;

namespace Notifications.Domain.Assessment;

/// <summary>
/// The engine's proposed decision on significant harm. A privacy officer confirms or overrides it; either way it is
/// recorded with its reasons and the pack id and version that produced it.
/// </summary>
/// <param name="SignificantHarm">Whether the breach could reasonably be expected to cause significant harm (notification required).</param>
/// <param name="Level">The proposed harm level.</param>
/// <param name="Urgency">How soon to notify.</param>
/// <param name="Score">The weighted score the level comes from.</param>
/// <param name="Deadline">When notice to individuals (the pack's primary duty) is due, if the clock has started.</param>
/// <param name="Deadlines">Every duty of the pack with its deadline.</param>
/// <param name="PackId">The policy pack used.</param>
/// <param name="PackVersion">Its version.</param>
/// <param name="AssessedAt">When the assessment ran.</param>
/// <param name="Decision">The decision in one plain sentence.</param>
/// <param name="Reasons">The reasons, in the pack's factor order, then why notice is immediate if it is.</param>
public sealed record AssessmentProposal(
    bool SignificantHarm,
    HarmLevel Level,
    Urgency Urgency,
    decimal Score,
    DateTimeOffset? Deadline,
    IReadOnlyList<ComputedDeadline> Deadlines,
    string PackId,
    string PackVersion,
    DateTimeOffset AssessedAt,
    string Decision,
    IReadOnlyList<AssessmentReason> Reasons);
