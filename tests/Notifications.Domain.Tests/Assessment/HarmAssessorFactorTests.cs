using Notifications.Domain.Assessment;
using Notifications.Domain.Breach;
using Notifications.Domain.Policy;
using static Notifications.Domain.Tests.BreachFactsBuilder;

namespace Notifications.Domain.Tests.Assessment;

/// <summary>Every factor of the BC pack alone (from the neutral baseline, score 1), then in combination.</summary>
public sealed class HarmAssessorFactorTests
{
    private const string Sens = HarmFactorCodes.Sensitivity;
    private const string Elements = HarmFactorCodes.DataElements;
    private const string Combo = HarmFactorCodes.Combination;
    private const string Groups = HarmFactorCodes.AffectedGroups;
    private const string Relationship = HarmFactorCodes.RecipientRelationship;
    private const string Count = HarmFactorCodes.RecipientCount;
    private const string Contain = HarmFactorCodes.Containment;
    private const string Cause = HarmFactorCodes.Cause;
    private const string Physical = HarmFactorCodes.PhysicalHarm;
    private const string Urgent = "urgency";

    public static TheoryData<AssessmentCase> FactorsAlone => new()
    {
        new AssessmentCase("baseline: a name alone", Baseline(), false, HarmLevel.Low, Urgency.Standard, Sens),
        new AssessmentCase("sensitivity: health information", Baseline().WithPersonalInformation("health"), true, HarmLevel.High, Urgency.Standard, Sens),
        new AssessmentCase("sensitivity: social insurance number", Baseline().WithPersonalInformation("sin"), true, HarmLevel.High, Urgency.Standard, Sens),
        new AssessmentCase("sensitivity: moderately sensitive location", Baseline().WithPersonalInformation("location"), false, HarmLevel.Medium, Urgency.Standard, Sens),
        new AssessmentCase("data elements: four low-sensitivity kinds", Baseline().WithPersonalInformation("name", "email", "phone", "education"),
            false, HarmLevel.Medium, Urgency.Standard, Sens, Elements),
        new AssessmentCase("data elements: capped at 2 points", Baseline().WithPersonalInformation("name", "email", "phone", "education", "employment", "photo", "birthDate"),
            false, HarmLevel.Medium, Urgency.Standard, Sens, Elements),
        new AssessmentCase("combination: identity theft", Baseline().WithPersonalInformation("name", "birthDate", "homeAddress", "financial"),
            true, HarmLevel.Critical, Urgency.Standard, Sens, Elements, Combo),
        new AssessmentCase("combination: incomplete identity set", Baseline().WithPersonalInformation("name", "birthDate", "homeAddress"),
            false, HarmLevel.Medium, Urgency.Standard, Sens, Elements),
        new AssessmentCase("affected: children", Baseline().WithGroups("children"), false, HarmLevel.Medium, Urgency.Standard, Sens, Groups),
        new AssessmentCase("affected: vulnerable individuals", Baseline().WithGroups("vulnerable"), false, HarmLevel.Medium, Urgency.Standard, Sens, Groups),
        new AssessmentCase("relationship: same body, same confidentiality duty", Baseline().WithRelationship(RecipientRelationship.SameBodyConfidentialityDuty),
            false, HarmLevel.Low, Urgency.Standard, Sens, Relationship),
        new AssessmentCase("relationship: adverse or hostile", Baseline().WithRelationship(RecipientRelationship.AdverseOrHostile),
            false, HarmLevel.Medium, Urgency.Standard, Sens, Relationship),
        new AssessmentCase("relationship: known malicious intent", Baseline().WithRelationship(RecipientRelationship.KnownMaliciousIntent),
            true, HarmLevel.High, Urgency.Standard, Sens, Relationship),
        new AssessmentCase("relationship: public", Baseline().WithRelationship(RecipientRelationship.Public), false, HarmLevel.Medium, Urgency.Standard, Sens, Relationship),
        new AssessmentCase("recipients: unknown", Baseline().WithRecipientCount(null), false, HarmLevel.Medium, Urgency.Standard, Sens, Count),
        new AssessmentCase("recipients: many (10)", Baseline().WithRecipientCount(10), false, HarmLevel.Medium, Urgency.Standard, Sens, Count),
        new AssessmentCase("recipients: 9 is not many", Baseline().WithRecipientCount(9), false, HarmLevel.Low, Urgency.Standard, Sens),
        new AssessmentCase("containment: contained", Baseline().WithContainment(ContainmentStatus.Contained), false, HarmLevel.Low, Urgency.Standard, Sens, Contain),
        new AssessmentCase("containment: not containable", Baseline().WithContainment(ContainmentStatus.NotContained), false, HarmLevel.Medium, Urgency.Standard, Sens, Contain),
        new AssessmentCase("containment: unknown", Baseline().WithContainment(ContainmentStatus.Unknown), false, HarmLevel.Low, Urgency.Standard, Sens, Contain),
        new AssessmentCase("containment: recipients agreed to destroy", Baseline().WithContainment(ContainmentStatus.PartiallyContained, agreedToDestroyOrReturn: true),
            false, HarmLevel.Low, Urgency.Standard, Sens, Contain),
        new AssessmentCase("cause: theft", Baseline().WithCause(BreachCause.Theft), false, HarmLevel.Medium, Urgency.Standard, Sens, Cause),
        new AssessmentCase("cause: cyberattack", Baseline().WithCause(BreachCause.Cyberattack), false, HarmLevel.Medium, Urgency.Standard, Sens, Cause),
        new AssessmentCase("cause: loss", Baseline().WithCause(BreachCause.Loss), false, HarmLevel.Low, Urgency.Standard, Sens, Cause),
        new AssessmentCase("cause: misdirected mail scores nothing", Baseline().WithCause(BreachCause.MisdirectedMail), false, HarmLevel.Low, Urgency.Standard, Sens),
        new AssessmentCase("physical harm possible", Baseline().WithPhysicalHarm(), true, HarmLevel.Critical, Urgency.Immediate, Physical, Sens, Urgent),
    };

    public static TheoryData<AssessmentCase> FactorsCombined => new()
    {
        new AssessmentCase("theft of health information", Baseline().WithPersonalInformation("health").WithCause(BreachCause.Theft),
            true, HarmLevel.High, Urgency.Standard, Sens, Cause),
        new AssessmentCase("theft of health information, not containable: difficult to contain and significant ⇒ immediate",
            Baseline().WithPersonalInformation("health").WithCause(BreachCause.Theft).WithContainment(ContainmentStatus.NotContained),
            true, HarmLevel.Critical, Urgency.Immediate, Sens, Contain, Cause, Urgent),
        new AssessmentCase("not contained but recipients agreed to destroy: not difficult to contain",
            Baseline().WithPersonalInformation("health").WithContainment(ContainmentStatus.NotContained, agreedToDestroyOrReturn: true),
            true, HarmLevel.High, Urgency.Standard, Sens, Contain, Contain),
        new AssessmentCase("not contained but not significant: standard",
            Baseline().WithContainment(ContainmentStatus.NotContained), false, HarmLevel.Medium, Urgency.Standard, Sens, Contain),
        new AssessmentCase("identity set stolen in a cyberattack by unknown recipients",
            Baseline().WithPersonalInformation("name", "birthDate", "homeAddress", "sin").WithCause(BreachCause.Cyberattack)
                .WithRecipientCount(null).WithContainment(ContainmentStatus.NotContained),
            true, HarmLevel.Critical, Urgency.Immediate, Sens, Elements, Combo, Count, Contain, Cause, Urgent),
        new AssessmentCase("health information to a colleague under the same duty, contained and deleted",
            Baseline().WithPersonalInformation("health").WithRelationship(RecipientRelationship.SameBodyConfidentialityDuty)
                .WithContainment(ContainmentStatus.Contained, agreedToDestroyOrReturn: true),
            false, HarmLevel.Low, Urgency.Standard, Sens, Relationship, Contain, Contain),
        new AssessmentCase("children's health information", Baseline().WithPersonalInformation("health").WithGroups("children"),
            true, HarmLevel.High, Urgency.Standard, Sens, Groups),
        new AssessmentCase("children and vulnerable: group points capped", Baseline().WithGroups("children", "vulnerable"),
            false, HarmLevel.Medium, Urgency.Standard, Sens, Groups),
        new AssessmentCase("malicious intent and many recipients", Baseline().WithRelationship(RecipientRelationship.KnownMaliciousIntent).WithRecipientCount(50),
            true, HarmLevel.High, Urgency.Standard, Sens, Relationship, Count),
        new AssessmentCase("home address to a hostile person, not containable",
            Baseline().WithPersonalInformation("homeAddress").WithRelationship(RecipientRelationship.AdverseOrHostile)
                .WithContainment(ContainmentStatus.NotContained),
            true, HarmLevel.High, Urgency.Immediate, Sens, Relationship, Contain, Urgent),
        new AssessmentCase("physical harm overrides every lowering factor",
            Baseline().WithPhysicalHarm().WithRelationship(RecipientRelationship.SameBodyConfidentialityDuty)
                .WithContainment(ContainmentStatus.Contained, agreedToDestroyOrReturn: true),
            true, HarmLevel.Critical, Urgency.Immediate, Physical, Sens, Relationship, Contain, Contain, Urgent),
    };

    [Theory]
    [MemberData(nameof(FactorsAlone))]
    public void Assess_EachFactorAlone_GivesExpectedProposal(AssessmentCase row) => row.AssertUnder(PolicyPacks.BcFoippaV1);

    [Theory]
    [MemberData(nameof(FactorsCombined))]
    public void Assess_FactorsInCombination_GivesExpectedProposal(AssessmentCase row) => row.AssertUnder(PolicyPacks.BcFoippaV1);

    [Theory]
    [InlineData(BreachCause.Theft)]
    [InlineData(BreachCause.Cyberattack)]
    public void Assess_TheftOrCyberattack_RaisesTheScoreOverAMisdirectedLetter(BreachCause cause)
    {
        var facts = Baseline().WithPersonalInformation("name", "homeAddress");
        var misdirected = HarmAssessor.Assess(facts.WithCause(BreachCause.MisdirectedMail), PolicyPacks.BcFoippaV1, Now);
        var stolen = HarmAssessor.Assess(facts.WithCause(cause), PolicyPacks.BcFoippaV1, Now);

        Assert.True(stolen.Score > misdirected.Score);
        Assert.True(stolen.Level > misdirected.Level);
        Assert.True(stolen.SignificantHarm && !misdirected.SignificantHarm);
        Assert.Contains(stolen.Reasons, r => r.Factor == Cause && r.Text.Contains("generally increases the risk of misuse"));
    }

    [Fact]
    public void Assess_IdentityTheftCombination_NamesTheKindsAndTheConsequence()
    {
        var proposal = HarmAssessor.Assess(
            Baseline().WithPersonalInformation("name", "birthDate", "homeAddress", "financial"), PolicyPacks.BcFoippaV1, Now);

        var reason = Assert.Single(proposal.Reasons, r => r.Factor == Combo);
        Assert.Equal("identityTheft", reason.Rule);
        Assert.Equal(
            "Data elements combined: name, birth date, home address and financial information together give a complete enough picture of a person to enable identity theft.",
            reason.Text);
    }

    [Fact]
    public void Assess_SameFactsAndTime_GiveTheSameProposal()
    {
        BreachFacts facts = Baseline().WithPersonalInformation("health").WithCause(BreachCause.Theft);

        var first = HarmAssessor.Assess(facts, PolicyPacks.BcFoippaV1, Now);
        var second = HarmAssessor.Assess(facts, PolicyPacks.BcFoippaV1, Now);

        Assert.Equal(first with { Deadlines = [], Reasons = [] }, second with { Deadlines = [], Reasons = [] });
        Assert.Equal(first.Reasons, second.Reasons);
        Assert.Equal(first.Deadlines, second.Deadlines);
    }

    [Fact]
    public void Assess_RecordsPackIdVersionAndTime()
    {
        var proposal = HarmAssessor.Assess(Baseline(), PolicyPacks.BcFoippaV1, Now);

        Assert.Equal(("bc-foippa", "1.0.0", Now), (proposal.PackId, proposal.PackVersion, proposal.AssessedAt));
        Assert.StartsWith("Not significant harm: score 1, level low, below high", proposal.Decision);
    }

    [Fact]
    public void Assess_InvalidFacts_ThrowsWithTheFieldPaths()
    {
        var facts = Baseline().WithPersonalInformation("name", "shoeSize");

        var error = Assert.Throws<ArgumentException>(() => HarmAssessor.Assess(facts, PolicyPacks.BcFoippaV1, Now));

        Assert.Contains("personalInformation[1]", error.Message);
    }
}
