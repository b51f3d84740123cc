namespace Notifications.Domain.Breach;

/// <summary>Who received the breached information.</summary>
/// <param name="Count">How many recipients; null when unknown.</param>
/// <param name="Relationship">What is known about them.</param>
public sealed record Recipients(int? Count, RecipientRelationship Relationship);
