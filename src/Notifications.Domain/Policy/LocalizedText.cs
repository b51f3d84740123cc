namespace Notifications.Domain.Policy;

/// <summary>A text in both official languages. Both are required: notices go out in English or French.</summary>
/// <param name="En">English.</param>
/// <param name="Fr">French.</param>
public sealed record LocalizedText(string En, string Fr);
