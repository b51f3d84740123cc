using Notifications.Domain.Incidents;
using static Notifications.Domain.Tests.Incidents.IncidentBuilder;

namespace Notifications.Domain.Tests.Incidents;

public sealed class LettersReturnedTests
{
    /// <summary>Notifying, import <c>imp-2</c> with three letter people and one email person, its letters exported.</summary>
    private static IncidentState Exported()
    {
        var state = InStatus(IncidentStatus.Notifying);
        state = Apply(state, new RecipientsImported("imp-2", new(4, new Dictionary<string, long> { ["en"] = 4 }, new Dictionary<string, long> { ["BC"] = 4 },
            new Dictionary<Domain.Recipients.NoticeChannel, long> { [Domain.Recipients.NoticeChannel.Email] = 1, [Domain.Recipients.NoticeChannel.Letter] = 3 }, 0, 3, 0), true)
            { EventId = "imported-2" });
        return Apply(state, new LettersExported("imp-2", "csv", 3, 0, Sha256Sample) { EventId = "exported-2" });
    }

    private static LettersReturned Returned(int total, string importId = "imp-2") =>
        new(importId, total, "returnedToSender") { EventId = $"letters-returned:{importId}:{total}" };

    [Fact]
    public void Returned_IsRecordedWithHowManyMore_AndTheStateKeepsTheTotal()
    {
        var state = Exported();

        var first = Assert.IsType<LettersReturned>(Assert.Single(Decider.Decide(state, Returned(2), Now).Events));
        state = Apply(state, Returned(2));
        var second = Assert.IsType<LettersReturned>(Assert.Single(Decider.Decide(state, Returned(3), Now).Events));

        Assert.Equal((2, 2), (first.Total, first.Returned));
        Assert.Equal((3, 1), (second.Total, second.Returned));
        Assert.Equal(2, state.ReturnedLettersOfCurrentImport);
        Assert.Empty(Decider.Decide(state, Returned(2), Now).Commands);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public void Returned_WithATotalNotAboveTheRecordedOne_ChangesNothing(int total)
    {
        var state = Apply(Exported(), Returned(2));

        Assert.True(Decider.Decide(state, Returned(total), Now).IsEmpty);
    }

    [Fact]
    public void Returned_IsRejected_WithoutAnExportOfTheCurrentImport_ForAnotherImport_AboveTheLetterPeople_OrAfterThePurge()
    {
        var imported = InStatus(IncidentStatus.Notifying);
        imported = Apply(imported, SampleOf(typeof(RecipientsImported), imported));
        var completed = Apply(Exported(), SampleOf(typeof(NoticesCompleted), Exported()));
        var purged = Apply(completed, new ContactDataPurged(4, Now) { EventId = "contact-data-purged" });

        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(imported, Returned(1, "imp-1"), Now));
        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(Exported(), Returned(1, "imp-1"), Now));
        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(Exported(), Returned(4), Now));
        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(purged, Returned(1), Now));
        Assert.Single(Decider.Decide(completed, Returned(1), Now).Events); // after completion it is still recorded
    }

    [Fact]
    public void ExportAfterReturns_AccountsForTheReturnedPeople()
    {
        var state = Apply(Exported(), Returned(1));
        var export = new LettersExported("imp-2", "csv", 2, 0, new string('b', 64)) { EventId = "exported-again" };

        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(state, export, Now));
        var recorded = Assert.IsType<LettersExported>(Assert.Single(Decider.Decide(state, export with { Returned = 1 }, Now).Events));
        Assert.Equal(1, recorded.Returned);
    }
}
