using System.Text.Json.Nodes;
using Notifications.Domain.Assessment;
using Notifications.Domain.Breach;
using Notifications.Domain.Policy;
using Notifications.Domain.Tests.Policy;
using static Notifications.Domain.Tests.BreachFactsBuilder;

namespace Notifications.Domain.Tests.Assessment;

/// <summary>Deadlines per clock trigger, computed from pack data only.</summary>
public sealed class DeadlineTests
{
    private static readonly DateTimeOffset OccurredAt = Discovered.AddDays(-10);
    private static readonly DateTimeOffset DeterminedAt = Discovered.AddHours(20);

    public sealed record ClockCase(string Name, ClockTrigger Clock, BreachFacts Facts, DateTimeOffset? ExpectedStart)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<ClockCase> Clocks => new()
    {
        new ClockCase("occurred on a date", ClockTrigger.Occurred, Baseline().WithOccurred(Occurrence.At(OccurredAt)), OccurredAt),
        new ClockCase("occurred within a period: starts at its beginning", ClockTrigger.Occurred,
            Baseline().WithOccurred(Occurrence.Between(OccurredAt, OccurredAt.AddDays(3))), OccurredAt),
        new ClockCase("occurred unknown: not started", ClockTrigger.Occurred, Baseline(), null),
        new ClockCase("discovered", ClockTrigger.Discovered, Baseline(), Discovered),
        new ClockCase("aware is discovery", ClockTrigger.Aware, Baseline(), Discovered),
        new ClockCase("determined", ClockTrigger.Determined, Baseline().WithDetermined(DeterminedAt), DeterminedAt),
        new ClockCase("not yet determined: not started", ClockTrigger.Determined, Baseline(), null),
    };

    [Theory]
    [MemberData(nameof(Clocks))]
    public void Assess_ClockTrigger_StartsTheDeadlineAtThatFact(ClockCase row)
    {
        var pack = GdprLikeWithClock(row.Clock);

        var proposal = HarmAssessor.Assess(row.Facts, pack, Now);

        var deadline = proposal.Deadlines[0];
        Assert.Equal((row.ExpectedStart, row.ExpectedStart?.AddHours(72)), (deadline.ClockStartedAt, deadline.Due));
        Assert.Equal(deadline.Due, proposal.Deadline);
        Assert.Equal(("gdpr-like", "0.1.0-test"), (proposal.PackId, proposal.PackVersion));
    }

    [Fact]
    public void Assess_BcStandard_IsSevenDaysFromDiscovery()
    {
        var proposal = HarmAssessor.Assess(Baseline().WithPersonalInformation("health"), PolicyPacks.BcFoippaV1, Now);

        Assert.Equal(Discovered.AddDays(7), proposal.Deadline);
        Assert.Equal("7 days from discovered", proposal.Deadlines[0].Basis);
        Assert.All(proposal.Deadlines, d => Assert.True(d.Required));
    }

    [Fact]
    public void Assess_BcImmediate_IsDueAtTheAssessmentBeforeTheStandardDeadline()
    {
        var late = Discovered.AddDays(6.5);

        var proposal = HarmAssessor.Assess(Baseline().WithPhysicalHarm(), PolicyPacks.BcFoippaV1, late);

        Assert.Equal(Urgency.Immediate, proposal.Urgency);
        Assert.Equal(late, proposal.Deadline);
        Assert.True(proposal.Deadline < Discovered.AddDays(7));
    }

    [Fact]
    public void Assess_ImmediateWithClockNotStarted_IsStillDueSoon()
    {
        var pack = TestPacks.ParseChanged(TestPacks.GdprLikeJson, p => p["deadlines"]![1]!["clock"] = "determined");

        var proposal = HarmAssessor.Assess(Baseline().WithPersonalInformation("health").WithPhysicalHarm(), pack, Now);

        var subjects = proposal.Deadlines[1];
        Assert.Equal((null, Now.AddHours(12), true), (subjects.ClockStartedAt, subjects.Due, subjects.Required));
    }

    [Theory]
    [InlineData("name", HarmLevel.Medium, true, false)]
    [InlineData("health", HarmLevel.High, true, true)]
    public void Assess_GdprLikePack_AppliesEachDutyFromItsOwnLevel(string kind, HarmLevel level, bool authority, bool subjects)
    {
        var proposal = HarmAssessor.Assess(Baseline().WithPersonalInformation(kind), TestPacks.GdprLike, Now);

        Assert.Equal(level, proposal.Level);
        Assert.Equal((authority, subjects), (proposal.Deadlines[0].Required, proposal.Deadlines[1].Required));
        Assert.Equal(["supervisoryAuthority", "dataSubjects"], proposal.Deadlines.Select(d => d.Audience));
        Assert.Equal(Discovered.AddDays(30), proposal.Deadlines[1].Due);
    }

    [Fact]
    public void Assess_GdprLikePack_UsesItsOwnWeightsAndLabels()
    {
        var facts = Baseline().WithPersonalInformation("email", "bankAccount").WithCause(BreachCause.Cyberattack).WithRecipientCount(null);

        var proposal = HarmAssessor.Assess(facts, TestPacks.GdprLike, Now);

        Assert.Equal((9m, HarmLevel.High, true), (proposal.Score, proposal.Level, proposal.SignificantHarm));
        Assert.Equal(["sensitivity", "recipientCount", "cause"], proposal.Reasons.Select(r => r.Factor));
        Assert.StartsWith("Nature of the data: the most sensitive kind involved is bank account", proposal.Reasons[0].Text);
    }

    private static PolicyPack GdprLikeWithClock(ClockTrigger clock) =>
        TestPacks.ParseChanged(TestPacks.GdprLikeJson, p => p["deadlines"]![0]!["clock"] = JsonValue.Create(Camel(clock)));

    private static string Camel(ClockTrigger clock) => char.ToLowerInvariant(clock.ToString()[0]) + clock.ToString()[1..];
}
