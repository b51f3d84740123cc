namespace Notifications.Domain.Breach;

/// <summary>What is known about containment.</summary>
/// <param name="Status">How far the breach has been contained.</param>
/// <param name="RecipientsAgreedToDestroyOrReturn">The recipients agreed to destroy or return the information (lowers the risk).</param>
public sealed record Containment(ContainmentStatus Status, bool RecipientsAgreedToDestroyOrReturn = false);
