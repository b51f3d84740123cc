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

    /// <summary>
    /// A delivery report moved someone from direct to indirect notice after the notices were complete. Counts only ever
    /// move that way (a bounce is final), so a revision with fewer indirect notices than recorded is older than what is
    /// recorded and changes nothing, like one with the same counts. The report draft is redrafted until it is sent.
    /// </summary>
    private void ReviseNoticeCounts(DecisionBuilder d, NoticeCountsRevised r)
    {
        var recorded = d.State.Notices;
        Require(d.State.NoticesCompletedAt is not null && recorded is not null, "The notices are not complete yet; there are no counts to revise.");
        if (recorded!.SameAs(r.Counts) || r.Counts.Indirect < recorded.Indirect)
        {
            return;
        }

        d.Add(r);
        Redraft(d, r.EventId);
    }

    private static bool SameContent(NoticeContent? a, NoticeContent b) =>
        a is not null && a.TemplateVersion == b.TemplateVersion && a.Templates == b.Templates && a.Summary == b.Summary
        && a.StepsForPerson.En.SequenceEqual(b.StepsForPerson.En) && a.StepsForPerson.Fr.SequenceEqual(b.StepsForPerson.Fr);
}
