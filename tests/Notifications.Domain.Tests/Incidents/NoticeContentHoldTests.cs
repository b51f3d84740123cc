using Notifications.Domain.Incidents;
using static Notifications.Domain.Tests.Incidents.IncidentBuilder;

namespace Notifications.Domain.Tests.Incidents;

/// <summary>
/// Issue 14: the notice content is held while the check finds personal information in it: the import that reveals it
/// records the hold in its own transaction, the held content is not approved, published or switched to, and a new
/// submission and its approval release it.
/// </summary>
public sealed class NoticeContentHoldTests
{
    private static readonly NoticeContentFinding[] NamedInSummary =
    [
        new(NoticeContentTargets.Submitted, "summary.en", "imported-person"),
        new(NoticeContentTargets.Approved, "summary.en", "imported-person"),
    ];

    private static RecipientsImported Import(string importId, params NoticeContentFinding[] findings) =>
        (RecipientsImported)SampleOf(typeof(RecipientsImported), InStatus(IncidentStatus.Notifying)) with
        {
            ImportId = importId,
            EventId = $"recipients-imported:{importId}",
            NoticeContentFindings = findings,
        };

    private static NoticeContentSubmitted Rewritten() =>
        new(new("A file was misdirected.", "Un fichier a été mal acheminé."), new(["Watch"], ["Surveillez"]), "v1") { EventId = "content-2" };

    private static IncidentState Approved() => WithApprovedContent(InStatus(IncidentStatus.Notifying));

    [Fact]
    public void Import_WithFindings_RecordsTheHoldInTheSameDecision_WithFieldsAndKindsOnly()
    {
        var decision = Decider.Decide(Approved(), Import("imp-2", NamedInSummary), Now);

        Assert.Equal(["recipients-imported", "notice-content-held"], decision.Events.Select(e => e.TypeName));
        var held = Assert.IsType<NoticeContentHeld>(decision.Events[1]);
        Assert.Equal("imp-2", held.ImportId);
        Assert.Equal(NamedInSummary, held.Findings);
        Assert.Equal("recipients-imported:imp-2:notice-content-held", held.EventId);
    }

    [Fact]
    public void Import_Clean_OrWithoutContent_HoldsNothing_AndANewImportReleasesAnEarlierHold()
    {
        var held = Apply(Approved(), Import("imp-2", NamedInSummary));
        Assert.True(held.NoticeContentHold!.Holds(NoticeContentTargets.Approved));

        var clean = Apply(held, Import("imp-3"));
        var noContent = Decider.Decide(InStatus(IncidentStatus.Notifying), Import("imp-2", NamedInSummary), Now);

        Assert.Null(clean.NoticeContentHold);
        Assert.Equal(["recipients-imported"], noContent.Events.Select(e => e.TypeName));
    }

    [Fact]
    public void HeldSubmittedContent_IsNotApproved_UntilItIsSubmittedAgain_AndItsApprovalReleasesTheHold()
    {
        var held = Apply(Approved(), Import("imp-2", NamedInSummary));

        var refused = Assert.Throws<DecisionRejectedException>(() => Decider.Decide(held, new NoticeContentApproved("v1") { EventId = "approve-2" }, Now));
        Assert.Contains("summary.en: imported-person", refused.Message, StringComparison.Ordinal);

        var rewritten = Apply(held, Rewritten());
        Assert.False(rewritten.NoticeContentHold!.Holds(NoticeContentTargets.Submitted));
        Assert.True(rewritten.NoticeContentHold.Holds(NoticeContentTargets.Approved)); // the old text is still what is approved

        var approved = Apply(rewritten, new NoticeContentApproved("v1") { EventId = "approve-2" });
        Assert.Null(approved.NoticeContentHold);
        Assert.Equal("A file was misdirected.", approved.NoticeContent!.Approved!.Summary.En);
    }

    [Fact]
    public void HeldApprovedContent_CannotBecomeThePublicNotice()
    {
        var held = Apply(Approved(), Import("imp-2", NamedInSummary));
        var choice = (IndirectNoticeChosen)SampleOf(typeof(IndirectNoticeChosen), held);

        var refused = Assert.Throws<DecisionRejectedException>(() => Decider.Decide(held, choice, Now));

        Assert.Contains("personal information", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Held_FromAStart_IsRecordedOnce_AndMergesWithTheImportsFindings()
    {
        var state = Apply(Apply(Approved(), (RecipientsImported)SampleOf(typeof(RecipientsImported), Approved())), Import("imp-2"));
        var run = new NoticeContentHeld("imp-2", [new(NoticeContentTargets.Run, "summary.fr", "sin")]) { EventId = "held-run" };
        var approved = new NoticeContentHeld("imp-2", [new(NoticeContentTargets.Approved, "summary.fr", "sin")]) { EventId = "held-approved" };

        state = Apply(Apply(state, run), approved);

        Assert.True(Decider.Decide(state, run with { EventId = "held-run-again" }, Now).IsEmpty);
        Assert.Equal(["approved summary.fr", "run summary.fr"], state.NoticeContentHold!.Findings.Select(f => $"{f.Target} {f.Field}").Order(StringComparer.Ordinal));
        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(state, new NoticeContentHeld("imp-2", []) { EventId = "empty" }, Now));
        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(InStatus(IncidentStatus.Notifying), approved, Now));
    }
}
