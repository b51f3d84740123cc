namespace Notifications.Domain.Policy;

/// <summary>A condition under which indirect (public or substitute) notice is allowed.</summary>
/// <param name="Code">Stable code (e.g. <c>noAccurateContact</c>).</param>
/// <param name="Group">Which of the cross-regime groups it belongs to.</param>
/// <param name="Labels">The condition in plain language, for the officer and the record.</param>
/// <param name="MinAffected">For scale triggers, the headcount from which it applies.</param>
public sealed record IndirectNoticeTrigger(string Code, IndirectNoticeGroup Group, LocalizedText Labels, int? MinAffected = null);
