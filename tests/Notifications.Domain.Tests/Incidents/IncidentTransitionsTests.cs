using Notifications.Domain.Incidents;

namespace Notifications.Domain.Tests.Incidents;

public sealed class IncidentTransitionsTests
{
    private const TransitionKind A = TransitionKind.Apply;
    private const TransitionKind I = TransitionKind.Ignore;
    private const TransitionKind R = TransitionKind.Reject;
    private const IncidentStatus None = IncidentStatus.None;
    private const IncidentStatus Open = IncidentStatus.Open;
    private const IncidentStatus Notifying = IncidentStatus.Notifying;
    private const IncidentStatus Closed = IncidentStatus.Closed;

    /// <summary>Every status × inbound event pair, with what must happen and where the incident ends up.</summary>
    public static TheoryData<IncidentStatus, string, TransitionKind, IncidentStatus> Pairs()
    {
        var rows = new TheoryData<IncidentStatus, string, TransitionKind, IncidentStatus>();
        void Row(string e, (TransitionKind, IncidentStatus) none, (TransitionKind, IncidentStatus) open, (TransitionKind, IncidentStatus) notifying, (TransitionKind, IncidentStatus) closed)
        {
            rows.Add(None, e, none.Item1, none.Item2);
            rows.Add(Open, e, open.Item1, open.Item2);
            rows.Add(Notifying, e, notifying.Item1, notifying.Item2);
            rows.Add(Closed, e, closed.Item1, closed.Item2);
        }

        Row(nameof(IncidentReported), (A, Open), (R, Open), (R, Notifying), (R, Closed));
        Row(nameof(FactsAmended), (R, None), (A, Open), (A, Notifying), (R, Closed));
        Row(nameof(AssessmentProposed), (R, None), (A, Open), (A, Notifying), (I, Closed));
        Row(nameof(SignificantHarmDecided), (R, None), (A, Notifying), (A, Notifying), (R, Closed));
        Row(nameof(NoSignificantHarmDecided), (R, None), (A, Closed), (A, Closed), (R, Closed));
        Row(nameof(TimerFired), (R, None), (A, Open), (A, Notifying), (I, Closed));
        Row(nameof(ReminderSent), (R, None), (A, Open), (A, Notifying), (A, Closed));
        Row(nameof(ContainmentTaskAdded), (R, None), (A, Open), (A, Notifying), (R, Closed));
        Row(nameof(ContainmentTaskCompleted), (R, None), (A, Open), (A, Notifying), (R, Closed));
        Row(nameof(WrongRecipientsRegistered), (R, None), (A, Open), (A, Notifying), (R, Closed));
        Row(nameof(DeletionRequestsSent), (R, None), (A, Open), (A, Notifying), (A, Closed));
        Row(nameof(DeletionConfirmed), (R, None), (A, Open), (A, Notifying), (A, Closed));
        Row(nameof(CommissionerReportApproved), (R, None), (R, Open), (A, Notifying), (R, Closed));
        Row(nameof(CommissionerReportSent), (R, None), (R, Open), (A, Notifying), (A, Closed));
        Row(nameof(RecipientsImported), (R, None), (A, Open), (A, Notifying), (R, Closed));
        Row(nameof(NoticesCompleted), (R, None), (R, Open), (A, Notifying), (R, Closed));
        Row(nameof(NoticeCountsRevised), (R, None), (R, Open), (A, Notifying), (A, Closed));
        Row(nameof(NoticeContentSubmitted), (R, None), (A, Open), (A, Notifying), (R, Closed));
        Row(nameof(NoticeContentApproved), (R, None), (R, Open), (A, Notifying), (R, Closed));
        Row(nameof(IndirectNoticeChosen), (R, None), (R, Open), (A, Notifying), (R, Closed));
        Row(nameof(LettersExported), (R, None), (R, Open), (A, Notifying), (R, Closed));
        Row(nameof(LettersReturned), (R, None), (R, Open), (A, Notifying), (A, Closed));
        Row(nameof(LettersReexported), (R, None), (R, Open), (A, Notifying), (A, Closed));
        Row(nameof(IncidentClosed), (R, None), (A, Closed), (A, Closed), (R, Closed));
        Row(nameof(ContactDataPurged), (R, None), (R, Open), (A, Notifying), (A, Closed));
        Row(nameof(NoticeContentHeld), (R, None), (A, Open), (A, Notifying), (I, Closed));
        Row(nameof(NotificationStarted), (R, None), (R, Open), (A, Notifying), (R, Closed));
        Row(nameof(NotificationHalted), (R, None), (R, Open), (A, Notifying), (A, Closed));
        Row(nameof(NotificationResumed), (R, None), (R, Open), (A, Notifying), (R, Closed));
        return rows;
    }

    [Fact]
    public void Pairs_CoverEveryStatusAndInboundEvent()
    {
        var covered = Pairs().Select(row => (row.Data.Item1, row.Data.Item2)).ToHashSet();

        var all = Enum.GetValues<IncidentStatus>().SelectMany(s => IncidentTransitions.InboundEvents.Select(t => (s, t.Name)));

        Assert.All(all, pair => Assert.Contains(pair, covered));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void For_StatusAndEvent_GivesTheTableEntry(IncidentStatus from, string eventType, TransitionKind kind, IncidentStatus to)
    {
        var type = IncidentTransitions.InboundEvents.Single(t => t.Name == eventType);

        Assert.Equal(new Transition(kind, to), IncidentTransitions.For(from, type));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Decide_FollowsTheTable(IncidentStatus from, string eventType, TransitionKind kind, IncidentStatus to)
    {
        var state = IncidentBuilder.InStatus(from);
        if (eventType == nameof(NoticeContentApproved) && from == IncidentStatus.Notifying)
        {
            // Approval needs content to approve.
            state = IncidentBuilder.Apply(state, IncidentBuilder.SampleOf(typeof(NoticeContentSubmitted), state));
        }

        if (eventType == nameof(NoticeContentHeld) && from is IncidentStatus.Open or IncidentStatus.Notifying)
        {
            // A hold needs content to hold.
            state = IncidentBuilder.Apply(state, IncidentBuilder.SampleOf(typeof(NoticeContentSubmitted), state));
        }

        if (eventType == nameof(IndirectNoticeChosen) && from == IncidentStatus.Notifying)
        {
            // The public notice needs approved content.
            state = IncidentBuilder.WithApprovedContent(state);
        }

        if (eventType == nameof(LettersExported) && from == IncidentStatus.Notifying)
        {
            // An export is for the current import.
            state = IncidentBuilder.Apply(state, IncidentBuilder.SampleOf(typeof(RecipientsImported), state));
        }

        if (eventType == nameof(ContactDataPurged) && from == IncidentStatus.Notifying)
        {
            // While notifying, the contact data is purged only once the notices are complete.
            state = IncidentBuilder.Apply(state, IncidentBuilder.SampleOf(typeof(NoticesCompleted), state));
        }

        if (eventType == nameof(NoticeCountsRevised) && from is IncidentStatus.Notifying or IncidentStatus.Closed)
        {
            // A revision needs completed notices to revise.
            state = IncidentBuilder.NoticesComplete(from);
        }

        if (eventType == nameof(LettersReturned) && from is IncidentStatus.Notifying or IncidentStatus.Closed)
        {
            // A letter can come back only once it was exported.
            state = IncidentBuilder.LettersExported(from);
        }

        if (eventType == nameof(LettersReexported) && from is IncidentStatus.Notifying or IncidentStatus.Closed)
        {
            // A re-export comes after the notices are complete.
            state = IncidentBuilder.LettersExported();
            state = IncidentBuilder.Apply(state, IncidentBuilder.SampleOf(typeof(NoticesCompleted), state));
            state = from == IncidentStatus.Closed ? IncidentBuilder.Apply(state, new IncidentClosed("Handled.", false) { EventId = "close" }) : state;
        }

        // Samples refer to the incident's tasks and facts; for an incident that does not exist yet, take them from an open one.
        var sampleFrom = from == IncidentStatus.None ? IncidentBuilder.InStatus(IncidentStatus.Open) : state;
        var inbound = IncidentBuilder.SampleOf(IncidentTransitions.InboundEvents.Single(t => t.Name == eventType), sampleFrom);

        if (kind == TransitionKind.Reject)
        {
            var error = Assert.Throws<InvalidTransitionException>(() => IncidentBuilder.Decider.Decide(state, inbound, IncidentBuilder.Now));
            Assert.Equal(from, error.From);
            Assert.Equal(inbound.TypeName, error.Operation);
            return;
        }

        var decision = IncidentBuilder.Decider.Decide(state, inbound, IncidentBuilder.Now);
        var after = decision.Events.Aggregate(state, (s, e) => IncidentEvolution.Evolve(s, e, IncidentBuilder.Now));

        Assert.Equal(kind == TransitionKind.Ignore, decision.IsEmpty);
        Assert.Equal(to, after.Status);
    }
}
