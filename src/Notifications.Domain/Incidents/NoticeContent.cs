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
