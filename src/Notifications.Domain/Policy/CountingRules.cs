namespace Notifications.Domain.Policy;

/// <summary>How the regime counts affected people in reports.</summary>
/// <param name="EstimatedTotal">Report the estimated total number affected.</param>
/// <param name="Jurisdictions">Jurisdictions whose residents are counted separately (Québec: <c>CA-QC</c>); <c>*</c> for each one (HIPAA per state).</param>
/// <param name="Records">Also count records, not only people (GDPR).</param>
public sealed record CountingRules(bool EstimatedTotal, IReadOnlyList<string> Jurisdictions, bool Records = false);
