namespace Notifications.Domain.Breach;

/// <summary>Who is affected: an estimate of how many, and which groups (codes from the policy pack, e.g. <c>children</c>).</summary>
/// <param name="EstimatedCount">The estimated number of affected individuals; null when not yet estimated.</param>
/// <param name="Groups">Group codes from the pack's vocabulary.</param>
/// <param name="ByJurisdiction">Optional counts per jurisdiction.</param>
public sealed record AffectedIndividuals(
    int? EstimatedCount,
    IReadOnlyList<string> Groups,
    IReadOnlyList<JurisdictionCount>? ByJurisdiction = null);
