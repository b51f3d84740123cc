using Notifications.Domain.Incidents;
using Notifications.Domain.Policy;
using static Notifications.Domain.Tests.Incidents.IncidentBuilder;

namespace Notifications.Domain.Tests.Incidents;

/// <summary>The retention clock of the affected people's contact data, and the purge as an event.</summary>
public sealed class IncidentDeciderContactDataTests
{
    private static readonly TimeSpan Retention = PolicyPacks.Default.Records.PurgeContactDataAfter;
    private static readonly DateTimeOffset CompletedAt = Now.AddDays(3);
    private static readonly DateTimeOffset ClosedAt = Now.AddDays(10);

    private static IncidentState NoticesComplete() =>
        Apply(InStatus(IncidentStatus.Notifying), SampleOf(typeof(NoticesCompleted), InStatus(IncidentStatus.Notifying)), CompletedAt);

    private static IncidentState ClosedWithoutNotices() =>
        Apply(InStatus(IncidentStatus.Notifying), new IncidentClosed("Handled by the program area.", false) { EventId = "close" }, ClosedAt);

    private static ContactDataPurged Purge(string eventId = "contact-data-purged") => new(250, DateTimeOffset.MinValue) { EventId = eventId };

    [Fact]
    public void TheDefaultPack_KeepsContactDataNinetyDays() => Assert.Equal(TimeSpan.FromDays(90), Retention);

    [Theory]
    [InlineData(IncidentStatus.None)]
    [InlineData(IncidentStatus.Open)]
    [InlineData(IncidentStatus.Notifying)]
    public void DueAt_WhileTheDataIsStillNeeded_IsNull(IncidentStatus status) =>
        Assert.Null(IncidentDecider.ContactDataDueAt(InStatus(status)));

    [Fact]
    public void DueAt_StartsWhenNoticesWereComplete()
    {
        var closedLater = Apply(NoticesComplete(), new IncidentClosed("Done.", false) { EventId = "close" }, ClosedAt);

        Assert.Equal(CompletedAt + Retention, IncidentDecider.ContactDataDueAt(NoticesComplete()));
        Assert.Equal(CompletedAt + Retention, IncidentDecider.ContactDataDueAt(closedLater));
    }

    [Fact]
    public void DueAt_ForAnIncidentClosedWithoutNotices_StartsWhenItClosed()
    {
        var belowThreshold = Apply(InStatus(IncidentStatus.Open), SampleOf(typeof(NoSignificantHarmDecided), InStatus(IncidentStatus.Open)), ClosedAt);

        Assert.Equal(ClosedAt + Retention, IncidentDecider.ContactDataDueAt(ClosedWithoutNotices()));
        Assert.Equal(ClosedAt + Retention, IncidentDecider.ContactDataDueAt(belowThreshold));
    }

    [Fact]
    public void Purge_WhileNoticesArePending_IsRejected()
    {
        var error = Assert.Throws<DecisionRejectedException>(() => Decider.Decide(InStatus(IncidentStatus.Notifying), Purge(), Now));

        Assert.Equal(IncidentDecider.ContactDataStillNeeded, error.Message);
    }

    [Fact]
    public void Purge_WhileOpen_IsNotAllowed() =>
        Assert.Throws<InvalidTransitionException>(() => Decider.Decide(InStatus(IncidentStatus.Open), Purge(), Now));

    [Fact]
    public void Purge_OnceNoticesAreComplete_RecordsTheRowsAndTheClocksDueTime()
    {
        var at = CompletedAt + Retention + TimeSpan.FromHours(3);

        var decision = Decider.Decide(NoticesComplete(), Purge(), at);
        var after = decision.Events.Aggregate(NoticesComplete(), (s, e) => IncidentEvolution.Evolve(s, e, at));

        var purged = Assert.IsType<ContactDataPurged>(Assert.Single(decision.Events));
        Assert.Equal((250, CompletedAt + Retention, "contact-data-purged"), (purged.Rows, purged.DueAt, purged.EventId));
        Assert.Empty(decision.Commands);
        Assert.Equal(at, after.ContactDataPurgedAt);
        Assert.Equal(IncidentStatus.Notifying, after.Status);
    }

    [Fact]
    public void Purge_Early_ByAnOfficer_IsRecordedWithTheDueTimeStillAhead()
    {
        var early = ClosedAt.AddDays(1);

        var purged = Assert.IsType<ContactDataPurged>(Assert.Single(Decider.Decide(ClosedWithoutNotices(), Purge("contact-data-purged:key-1"), early).Events));

        Assert.Equal(ClosedAt + Retention, purged.DueAt);
        Assert.True(purged.DueAt > early);
    }

    [Fact]
    public void Purge_ASecondTime_ChangesNothing()
    {
        var purged = Apply(ClosedWithoutNotices(), Purge(), ClosedAt + Retention);

        var again = Decider.Decide(purged, Purge("contact-data-purged:another-key"), ClosedAt + Retention + TimeSpan.FromDays(1));

        Assert.True(again.IsEmpty);
        Assert.Equal(ClosedAt + Retention, purged.ContactDataPurgedAt);
    }

    [Fact]
    public void RecipientsImported_AfterThePurge_IsRejected()
    {
        var purged = Apply(NoticesComplete(), Purge(), CompletedAt + Retention);

        var error = Assert.Throws<DecisionRejectedException>(() => Decider.Decide(purged, SampleOf(typeof(RecipientsImported), purged), CompletedAt + Retention));

        Assert.Equal(IncidentDecider.ContactDataWasPurged, error.Message);
    }

    [Fact]
    public void RecipientsImported_BeforeThePurge_IsStillRecorded() =>
        Assert.Single(Decider.Decide(NoticesComplete(), SampleOf(typeof(RecipientsImported), NoticesComplete()), CompletedAt).Events);
}
