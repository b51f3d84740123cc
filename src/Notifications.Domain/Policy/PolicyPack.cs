using System.Text.Json.Serialization;

namespace Notifications.Domain.Policy;

/// <summary>
/// A versioned, data-only set of rules for one breach-notification regime: vocabulary, harm model, deadlines,
/// reminders, indirect-notice triggers, required notice elements, exemptions, counting, record keeping and containment.
/// Load it with <see cref="PolicyPackLoader"/>, which validates it. Every decision records <see cref="Id"/> and <see cref="Version"/>.
/// </summary>
/// <param name="Id">Stable id (e.g. <c>bc-foippa</c>).</param>
/// <param name="Version">The pack's version (e.g. <c>1.0.0</c>).</param>
/// <param name="Name">The regime's name.</param>
/// <param name="Source">Where the rules come from (legislation, guidance).</param>
/// <param name="Vocabulary">The codes facts may use.</param>
/// <param name="Harm">The threshold test.</param>
/// <param name="Deadlines">Notification duties with their clocks; the first is the primary one.</param>
/// <param name="Reminders">When to remind about a deadline.</param>
/// <param name="IndirectNotice">When indirect notice is allowed.</param>
/// <param name="NoticeElements">What notices must contain.</param>
/// <param name="Exemptions">Grounds to withhold individual notice.</param>
/// <param name="Counting">How affected people are counted.</param>
/// <param name="Records">What is kept and for how long.</param>
/// <param name="Containment">The containment playbook; optional (null: the pack proposes no containment tasks).</param>
public sealed record PolicyPack(
    string Id,
    string Version,
    string Name,
    string Source,
    PolicyVocabulary Vocabulary,
    HarmModel Harm,
    IReadOnlyList<DeadlineRule> Deadlines,
    ReminderSchedule Reminders,
    IReadOnlyList<IndirectNoticeTrigger> IndirectNotice,
    IReadOnlyList<NoticeElement> NoticeElements,
    IReadOnlyList<NoticeExemption> Exemptions,
    CountingRules Counting,
    RecordKeeping Records,
    ContainmentPlaybook? Containment = null)
{
    /// <summary>True when the code is a kind of personal information in this pack.</summary>
    public bool HasPersonalInformation(string code) => FindPersonalInformation(code) is not null;

    /// <summary>True when the code is an affected group in this pack.</summary>
    public bool HasAffectedGroup(string code) => Vocabulary.AffectedGroups.Any(g => g.Code == code);

    /// <summary>The vocabulary term for a kind of personal information, or null.</summary>
    public VocabularyTerm? FindPersonalInformation(string code) =>
        Vocabulary.PersonalInformation.FirstOrDefault(t => t.Code == code);

    /// <summary>The vocabulary term for an affected group, or null.</summary>
    public VocabularyTerm? FindAffectedGroup(string code) => Vocabulary.AffectedGroups.FirstOrDefault(t => t.Code == code);

    /// <summary>The primary notification duty (the first deadline rule).</summary>
    [JsonIgnore]
    public DeadlineRule PrimaryDeadline => Deadlines[0];

    /// <summary>"id version", as recorded on decisions.</summary>
    public override string ToString() => $"{Id} {Version}";
}
