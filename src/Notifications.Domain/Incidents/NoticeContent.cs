namespace Notifications.Domain.Incidents;

/// <summary>A text in both official languages.</summary>
public sealed record LocalizedText(string En, string Fr)
{
    public string In(string language) => language == "fr" ? Fr : En;
}

/// <summary>A list of short texts in both official languages.</summary>
public sealed record LocalizedList(IReadOnlyList<string> En, IReadOnlyList<string> Fr)
{
    public IReadOnlyList<string> In(string language) => language == "fr" ? Fr : En;
}

/// <summary>What the privacy office wrote for the notices to individuals, for one template version.</summary>
public sealed record NoticeContent(LocalizedText Summary, LocalizedList StepsForPerson, string TemplateVersion);

/// <summary>The latest submitted notice content and the content an approver pinned (what the notices will say).</summary>
public sealed record NoticeContentState(NoticeContent Submitted, DateTimeOffset SubmittedAt)
{
    public NoticeContent? Approved { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }
}
