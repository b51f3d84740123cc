namespace Notifications.Domain.Breach;

/// <summary>A public body with custody or control of the breached information. A notice names every one of them.</summary>
/// <param name="Name">The body's name as it should appear in a notice.</param>
/// <param name="Holds">Whether the body has custody, control, or both.</param>
public sealed record PublicBodyInvolved(string Name, CustodyOrControl Holds);
