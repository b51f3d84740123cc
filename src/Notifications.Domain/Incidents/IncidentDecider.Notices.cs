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
        Require(d.State.NoticeContentHold?.Holds(NoticeContentTargets.Submitted) != true,
            $"The submitted notice content carries personal information ({d.State.NoticeContentHold?.Describe(NoticeContentTargets.Submitted)}); "
            + "submit it again without it.");
        if (SameContent(content.Approved, content.Submitted))
        {
            return;
        }

        d.Add(new NoticeContentApproved(a.TemplateVersion) { EventId = a.EventId, Content = content.Submitted });
    }

    /// <summary>
    /// The check of the content against an import found personal information: the import's findings are recorded as a
    /// hold in its own transaction, so no moment has the import without the hold.
    /// </summary>
    private static void HoldNoticeContent(DecisionBuilder d, RecipientsImported r)
    {
        if (r.NoticeContentFindings.Count > 0 && d.State.NoticeContent is not null)
        {
            d.Add(new NoticeContentHeld(r.ImportId, r.NoticeContentFindings) { EventId = $"{r.EventId}:notice-content-held" });
        }
    }

    /// <summary>
    /// A start or resume found personal information the record does not hold yet (content stored before the check, or
    /// a run's pinned text). The same findings recorded again change nothing.
    /// </summary>
    private static void HoldNoticeContent(DecisionBuilder d, NoticeContentHeld h)
    {
        Require(d.State.NoticeContent is not null, "No notice content has been submitted yet.");
        Require(h.Findings.Count > 0, "A hold names at least one finding.");
        Require(h.Findings.All(f => f.Target is NoticeContentTargets.Submitted or NoticeContentTargets.Approved or NoticeContentTargets.Run),
            "A finding is in the submitted or the approved content, or in the run's text.");
        var recorded = d.State.NoticeContentHold;
        if (recorded is not null && recorded.ImportId == h.ImportId && h.Findings.All(recorded.Findings.Contains))
        {
            return;
        }

        d.Add(h);
    }

    /// <summary>
    /// A delivery report moved someone from direct to indirect notice after the notices were complete. Counts only ever
    /// move that way (a bounce is final), so a revision with fewer indirect notices than recorded is older than what is
    /// recorded and changes nothing, like one with the same counts. The report draft is redrafted until it is sent; after that, a follow-up report is drafted.
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
        Redraft(d, r.EventId, outcomeChanged: true);
    }

    private static bool SameContent(NoticeContent? a, NoticeContent b) =>
        a is not null && a.TemplateVersion == b.TemplateVersion && a.Templates == b.Templates && a.Summary == b.Summary
        && a.StepsForPerson.En.SequenceEqual(b.StepsForPerson.En) && a.StepsForPerson.Fr.SequenceEqual(b.StepsForPerson.Fr);
}
