using Notifications.Domain.Incidents;
using static Notifications.Domain.Tests.Incidents.IncidentBuilder;

namespace Notifications.Domain.Tests.Incidents;

public sealed class LettersExportedTests
{
    /// <summary>Notifying, with an import of two email people and one letter person (import <c>imp-1</c>).</summary>
    private static IncidentState Imported()
    {
        var state = InStatus(IncidentStatus.Notifying);
        return Apply(state, SampleOf(typeof(RecipientsImported), state));
    }

    private static LettersExported Export(string importId = "imp-1", int letters = 1, int blocked = 0, string sha = Sha256Sample) =>
        new(importId, "csv", letters, blocked, sha) { EventId = $"letters-exported:{importId}:{sha}" };

    [Fact]
    public void Export_OfTheCurrentImport_IsRecordedWithItsCountsAndHash()
    {
        var state = Imported();

        var decision = Decider.Decide(state, Export(), Now);
        var after = Apply(state, Export(), Now.AddMinutes(5));

        var recorded = Assert.IsType<LettersExported>(Assert.Single(decision.Events));
        Assert.Empty(decision.Commands);
        Assert.Equal((1, 0, Sha256Sample), (recorded.Letters, recorded.Blocked, recorded.Sha256));
        Assert.Equal(IncidentStatus.Notifying, after.Status);
        Assert.Equal(1, after.LettersExport!.Letters);
        Assert.Equal("imp-1", after.LettersExport.ImportId);
        Assert.Equal(Now.AddMinutes(5), after.LettersExportedAt);
    }

    [Fact]
    public void Export_WithBlockedLetters_IsRecorded_AndALaterExportReplacesIt()
    {
        var state = Apply(Imported(), Export(letters: 0, blocked: 1) with { BlockedByCode = new Dictionary<string, int> { ["other-person"] = 1 } });
        Assert.Equal((0, 1), (state.LettersExport!.Letters, state.LettersExport.Blocked));
        Assert.Equal(1, state.LettersExport.BlockedByCode["other-person"]);

        var fixedSha = new string('a', 64);
        state = Apply(state, Export(sha: fixedSha));

        Assert.Equal((1, 0, fixedSha), (state.LettersExport!.Letters, state.LettersExport.Blocked, state.LettersExport.Sha256));
    }

    public static TheoryData<string, LettersExported> Refused() => new()
    {
        { "another import", Export(importId: "imp-0") },
        { "fewer letters than the import has", Export(letters: 0) },
        { "more letters than the import has", Export(letters: 2) },
        { "negative count", Export(letters: 2, blocked: -1) },
        { "no hash", Export(sha: "") },
        { "upper-case hash", Export(sha: Sha256Sample.ToUpperInvariant()) },
        { "short hash", Export(sha: Sha256Sample[..40]) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Export_ThatDoesNotAccountForTheCurrentImport_IsRejected(string why, LettersExported export)
    {
        Assert.False(string.IsNullOrEmpty(why));
        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(Imported(), export, Now));
    }

    [Fact]
    public void Export_WithoutAnImport_OrAfterNoticesAreComplete_IsRejected()
    {
        var notifying = InStatus(IncidentStatus.Notifying);
        var completed = Apply(Imported(), SampleOf(typeof(NoticesCompleted), notifying));

        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(notifying, Export(), Now));
        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(completed, Export(), Now));
    }

    [Theory]
    [InlineData(IncidentStatus.Open)]
    [InlineData(IncidentStatus.Closed)]
    public void Export_OutsideNotifying_IsAnInvalidTransition(IncidentStatus status)
    {
        var error = Assert.Throws<InvalidTransitionException>(() => Decider.Decide(InStatus(status), Export(), Now));

        Assert.Equal("letters-exported", error.Operation);
    }
}
