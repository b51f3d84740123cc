using Notifications.Domain.Breach;
using Notifications.Domain.Policy;
using static Notifications.Domain.Tests.BreachFactsBuilder;

namespace Notifications.Domain.Tests.Breach;

public sealed class BreachFactsValidationTests
{
    public sealed record InvalidCase(string Name, BreachFacts Facts, string Field)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<InvalidCase> Invalid => new()
    {
        new InvalidCase("no public body", Baseline().WithBodies(), "publicBodies"),
        new InvalidCase("blank body name", Baseline().WithBodies(new PublicBodyInvolved(" ", CustodyOrControl.Custody)), "publicBodies[0].name"),
        new InvalidCase("unknown custody", Baseline().WithBodies(new PublicBodyInvolved("A", (CustodyOrControl)9)), "publicBodies[0].holds"),
        new InvalidCase("same body twice", Baseline().WithBodies(
            new PublicBodyInvolved("A", CustodyOrControl.Custody), new PublicBodyInvolved("a", CustodyOrControl.Control)), "publicBodies"),
        new InvalidCase("discovered in the future", Baseline().WithDiscovered(Now.AddMinutes(1)), "discovered"),
        new InvalidCase("determined before discovered", Baseline().WithDetermined(Discovered.AddHours(-1)), "determined"),
        new InvalidCase("determined in the future", Baseline().WithDetermined(Now.AddHours(1)), "determined"),
        new InvalidCase("occurred after discovery", Baseline().WithOccurred(Occurrence.At(Discovered.AddHours(1))), "occurred.on"),
        new InvalidCase("date without a date", Baseline().WithOccurred(new Occurrence(OccurrenceKind.Date)), "occurred.on"),
        new InvalidCase("period without a start", Baseline().WithOccurred(new Occurrence(OccurrenceKind.Period, To: Discovered)), "occurred.from"),
        new InvalidCase("period ending before it starts",
            Baseline().WithOccurred(Occurrence.Between(Discovered.AddDays(-1), Discovered.AddDays(-2))), "occurred.to"),
        new InvalidCase("unknown cause", Baseline().WithCause((BreachCause)42), "cause"),
        new InvalidCase("no personal information", Baseline().WithPersonalInformation(), "personalInformation"),
        new InvalidCase("kind not in the vocabulary", Baseline().WithPersonalInformation("name", "shoeSize"), "personalInformation[1]"),
        new InvalidCase("kind listed twice", Baseline().WithPersonalInformation("name", "name"), "personalInformation"),
        new InvalidCase("no one affected", Baseline().WithAffected(0), "affected.estimatedCount"),
        new InvalidCase("unknown group", Baseline().WithGroups("pets"), "affected.groups[0]"),
        new InvalidCase("jurisdictions add up to more than the estimate",
            Baseline().WithAffected(5, new JurisdictionCount("CA-QC", 4), new JurisdictionCount("CA-BC", 4)), "affected.byJurisdiction"),
        new InvalidCase("negative jurisdiction count", Baseline().WithAffected(5, new JurisdictionCount("CA-QC", -1)), "affected.byJurisdiction[0].count"),
        new InvalidCase("negative recipient count", Baseline().WithRecipientCount(-1), "recipients.count"),
        new InvalidCase("unknown relationship", Baseline().WithRelationship((RecipientRelationship)7), "recipients.relationship"),
        new InvalidCase("unknown containment", Baseline().WithContainment((ContainmentStatus)7), "containment.status"),
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidFact_ReportsItUnderItsJsonPath(InvalidCase row)
    {
        var errors = row.Facts.Validate(Now, PolicyPacks.BcFoippaV1);

        Assert.Contains(row.Field, errors.Keys);
        Assert.All(errors[row.Field], message => Assert.False(string.IsNullOrWhiteSpace(message)));
    }

    [Fact]
    public void Validate_Baseline_IsValid() => Assert.Empty(Baseline().Build().Validate(Now, PolicyPacks.BcFoippaV1));

    [Fact]
    public void Validate_WithoutAPack_AcceptsAnyCode() => Assert.Empty(Baseline().WithPersonalInformation("shoeSize").Build().Validate(Now));

    [Fact]
    public void Validate_FullyDescribedBreach_IsValid()
    {
        BreachFacts facts = Baseline()
            .WithBodies(new PublicBodyInvolved("A", CustodyOrControl.Custody), new PublicBodyInvolved("B", CustodyOrControl.Control))
            .WithOccurred(Occurrence.Between(Discovered.AddDays(-3), null))
            .WithDetermined(Discovered.AddHours(2))
            .WithAffected(10, new JurisdictionCount("CA-BC", 7))
            .WithGroups("children", "vulnerable")
            .WithRecipientCount(null);

        Assert.Empty(facts.Validate(Now, PolicyPacks.BcFoippaV1));
    }

    [Fact]
    public void Validate_SeveralProblems_AreAllReportedInFieldOrder()
    {
        var errors = Baseline().WithBodies().WithPersonalInformation().WithRecipientCount(-2).Build().Validate(Now);

        Assert.Equal(["personalInformation", "publicBodies", "recipients.count"], errors.Keys);
    }
}
