namespace Notifications.Domain.Policy;

/// <summary>A ground for withholding individual notice (BC: immediate and grave harm to safety or health).</summary>
/// <param name="Code">Stable code (e.g. <c>safety</c>).</param>
/// <param name="Text">The ground as the regime words it, in both languages.</param>
/// <param name="RegulatorStillNotified">Whether the regulator must still be told.</param>
public sealed record NoticeExemption(string Code, LocalizedText Text, bool RegulatorStillNotified);
