using Notifications.Domain.Policy;

namespace Notifications.Domain.Incidents;

/// <summary>A list of short texts in both official languages.</summary>
public sealed record LocalizedList(IReadOnlyList<string> En, IReadOnlyList<string> Fr)
{
    public IReadOnlyList<string> Pick(string language) => Notices.NoticeLanguage.Normalize(language) == Notices.NoticeLanguage.French ? Fr : En;
}

/// <summary>One language's notice templates as the office wrote them (Liquid source).</summary>
public sealed record NoticeTemplateText(string Subject, string Body);

/// <summary>The office's own English and French templates, used instead of the deployed defaults for one incident.</summary>
public sealed record CustomTemplates(NoticeTemplateText En, NoticeTemplateText Fr);

/// <summary>What the privacy office wrote for the notices to individuals, for one template version.</summary>
public sealed record NoticeContent(LocalizedText Summary, LocalizedList StepsForPerson, string TemplateVersion)
{
    /// <summary>The office's own templates (whose hash is <see cref="TemplateVersion"/>); null for the deployed defaults.</summary>
    public CustomTemplates? Templates { get; init; }
}

/// <summary>The latest submitted notice content and the content an approver pinned (what the notices will say).</summary>
public sealed record NoticeContentState(NoticeContent Submitted, DateTimeOffset SubmittedAt)
{
    public NoticeContent? Approved { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }
}

/// <summary>
/// Personal information found in the notice content (<see cref="Notices.NoticeContentCheck"/>), as the history keeps it:
/// which content, which field and what kind, never the value.
/// </summary>
/// <param name="Target">One of <see cref="NoticeContentTargets"/>.</param>
/// <param name="Field">The field path, e.g. <c>summary.en</c> or <c>stepsForPerson.fr[1]</c>.</param>
/// <param name="Kind">One of <see cref="Notices.ContentFindingKinds"/>.</param>
public sealed record NoticeContentFinding(string Target, string Field, string Kind);

/// <summary>Which notice text a <see cref="NoticeContentFinding"/> is in.</summary>
public static class NoticeContentTargets
{
    /// <summary>The latest submitted content (not approvable while held).</summary>
    public const string Submitted = "submitted";

    /// <summary>The approved content (no run, letters export or public page while held).</summary>
    public const string Approved = "approved";

    /// <summary>The text pinned by the fan-out run (halted; not resumable).</summary>
    public const string Run = "run";
}

/// <summary>
/// The notice content is held: the check found personal information in it for import <paramref name="ImportId"/>
/// (a person of that import named, or an identifier typed in). A new submission releases the submitted content, its
/// approval the approved content; a new import is checked afresh.
/// </summary>
public sealed record NoticeContentHold(string ImportId, IReadOnlyList<NoticeContentFinding> Findings, DateTimeOffset At)
{
    /// <summary>True when the hold has a finding in <paramref name="target"/>.</summary>
    public bool Holds(string target) => Findings.Any(f => f.Target == target);

    /// <summary>The findings of a target, as "field: kind" for a message (no values).</summary>
    public string Describe(string target) =>
        string.Join("; ", Findings.Where(f => f.Target == target).Select(f => $"{f.Field}: {f.Kind}").Distinct());

    /// <summary>The hold without the findings of <paramref name="target"/>; null when nothing is left.</summary>
    public NoticeContentHold? Release(string target) =>
        Findings.All(f => f.Target == target) ? null : this with { Findings = [.. Findings.Where(f => f.Target != target)] };

    /// <summary>The hold with <paramref name="findings"/> replacing those of the targets they are in.</summary>
    public NoticeContentHold Merge(IReadOnlyList<NoticeContentFinding> findings, DateTimeOffset at)
    {
        var targets = findings.Select(f => f.Target).ToHashSet(StringComparer.Ordinal);
        return this with { Findings = [.. Findings.Where(f => !targets.Contains(f.Target)), .. findings], At = at };
    }
}
