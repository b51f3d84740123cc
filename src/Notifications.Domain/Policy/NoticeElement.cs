namespace Notifications.Domain.Policy;

/// <summary>An element a notice must contain (e.g. <c>kindsOfPersonalInformation</c>, described without the information itself).</summary>
/// <param name="Code">Stable code the notice linter checks for.</param>
/// <param name="Audiences">Which notices must carry it.</param>
/// <param name="Labels">What the element is, in both languages.</param>
public sealed record NoticeElement(string Code, IReadOnlyList<NoticeAudience> Audiences, LocalizedText Labels);
