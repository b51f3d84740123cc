using Notifications.Domain.Breach;

namespace Notifications.Domain.Policy;

/// <summary>When notice is immediate rather than standard.</summary>
/// <param name="ImmediateWhenPhysicalHarm">Physical harm possible ⇒ immediate, even before all facts are known.</param>
/// <param name="DifficultToContain">
/// Containment statuses that count as difficult to contain; with significant harm they make notice immediate.
/// Empty to disable. Recipients who agreed to destroy or return the information lift this.
/// </param>
public sealed record UrgencyRules(bool ImmediateWhenPhysicalHarm, IReadOnlyList<ContainmentStatus> DifficultToContain);
