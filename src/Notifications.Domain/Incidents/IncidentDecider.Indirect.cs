namespace Notifications.Domain.Incidents;

public sealed partial class IncidentDecider
{
    /// <summary>
    /// The whole incident goes to indirect notice: allowed under a trigger of the incident's pack, with a reason, once the
    /// notice content is approved (the public notice must say everything a direct notice says) and while the notices are
    /// not complete. The counts are final, so the notices are complete in the same transaction.
    /// </summary>
    private void ChooseIndirectNotice(DecisionBuilder d, IndirectNoticeChosen i)
    {
        var s = d.State;
        Require(s.NoticesCompletedAt is null, "The notices are already complete.");
        Require(Pack(s).IndirectNotice.Any(t => t.Code == i.Trigger),
            $"'{i.Trigger}' is not an indirect-notice trigger of policy pack {s.PackId} {s.PackVersion}.");
        Require(!string.IsNullOrWhiteSpace(i.Reason), "Say why indirect notice is chosen.");
        Require(s.NoticeContent?.Approved is not null,
            "Approve the notice content first: the public notice must carry everything a direct notice does.");
        Require(s.NoticeContentHold?.Holds(NoticeContentTargets.Approved) != true,
            $"The approved notice content carries personal information ({s.NoticeContentHold?.Describe(NoticeContentTargets.Approved)}), "
            + "so the public notice is not published; submit it again without it and have it approved.");
        var c = i.Counts;
        Require(c.Direct >= 0 && c.Letters >= 0 && c.Indirect >= 0 && c.Withheld >= 0, "Counts cannot be negative.");
        d.Add(i);
        var completed = new NoticesCompleted(c) { EventId = $"{i.EventId}:notices-completed" };
        d.Add(completed);
        Redraft(d, completed.EventId, outcomeChanged: true);
    }
}
