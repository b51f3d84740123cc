namespace Notifications.Domain.Incidents;

public sealed partial class IncidentDecider
{
    private static void SubmitNoticeContent(DecisionBuilder d, NoticeContentSubmitted c)
    {
        Require(d.State.NoticesCompletedAt is null, "The notices are already complete.");
        Require(!string.IsNullOrWhiteSpace(c.TemplateVersion), "The content needs the template version it was written for.");
        var submitted = new NoticeContent(c.Summary, c.StepsForPerson, c.TemplateVersion) { Templates = c.Templates };
        if (SameContent(d.State.NoticeContent?.Submitted, submitted))
        {
            return;
        }

        d.Add(c);
    }

    /// <summary>An approver pins the submitted content for its template version; approving it again changes nothing.</summary>
    private static void ApproveNoticeContent(DecisionBuilder d, NoticeContentApproved a)
    {
        var content = d.State.NoticeContent;
        Require(content is not null, "No notice content has been submitted yet.");
        Require(d.State.NoticesCompletedAt is null, "The notices are already complete.");
        Require(a.TemplateVersion == content!.Submitted.TemplateVersion,
            $"The content was submitted for template version '{content.Submitted.TemplateVersion}', not '{a.TemplateVersion}'.");
        if (SameContent(content.Approved, content.Submitted))
        {
            return;
        }

        d.Add(new NoticeContentApproved(a.TemplateVersion) { EventId = a.EventId, Content = content.Submitted });
    }

    private static bool SameContent(NoticeContent? a, NoticeContent b) =>
        a is not null && a.TemplateVersion == b.TemplateVersion && a.Templates == b.Templates && a.Summary == b.Summary
        && a.StepsForPerson.En.SequenceEqual(b.StepsForPerson.En) && a.StepsForPerson.Fr.SequenceEqual(b.StepsForPerson.Fr);
}
