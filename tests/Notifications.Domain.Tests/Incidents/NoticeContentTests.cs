using Notifications.Domain.Incidents;
using static Notifications.Domain.Tests.Incidents.IncidentBuilder;

namespace Notifications.Domain.Tests.Incidents;

public sealed class NoticeContentTests
{
    private static NoticeContentSubmitted Submitted(string summary, string version = "v1") =>
        new(new(summary, summary + " (fr)"), new(["Watch"], ["Surveillez"]), version) { EventId = "content:" + summary };

    [Fact]
    public void Approve_PinsTheSubmittedContent_AndALaterSubmissionNeedsANewApproval()
    {
        var state = Apply(InStatus(IncidentStatus.Notifying), Submitted("first"));
        state = Apply(state, new NoticeContentApproved("v1") { EventId = "approve-1" });
        Assert.Equal("first", state.NoticeContent!.Approved!.Summary.En);

        state = Apply(state, Submitted("second"));

        Assert.Equal("second", state.NoticeContent!.Submitted.Summary.En);
        Assert.Equal("first", state.NoticeContent.Approved!.Summary.En);
    }

    [Fact]
    public void Approve_RecordsTheContentApproved_AndAgainChangesNothing()
    {
        var state = Apply(InStatus(IncidentStatus.Notifying), Submitted("first"));
        var decision = Decider.Decide(state, new NoticeContentApproved("v1") { EventId = "approve-1" }, Now);
        var approved = Assert.IsType<NoticeContentApproved>(Assert.Single(decision.Events));
        Assert.Equal("first", approved.Content!.Summary.En);

        state = Apply(state, approved);

        Assert.True(Decider.Decide(state, new NoticeContentApproved("v1") { EventId = "approve-2" }, Now).IsEmpty);
    }

    [Fact]
    public void Approve_ForAnotherTemplateVersionOrWithoutContent_IsRejected()
    {
        var notifying = InStatus(IncidentStatus.Notifying);
        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(notifying, new NoticeContentApproved("v1") { EventId = "a" }, Now));

        var state = Apply(notifying, Submitted("first", "v1"));
        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(state, new NoticeContentApproved("v2") { EventId = "a" }, Now));
    }
}
