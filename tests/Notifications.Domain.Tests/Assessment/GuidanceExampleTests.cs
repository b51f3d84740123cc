using Notifications.Domain.Assessment;
using Notifications.Domain.Breach;
using Notifications.Domain.Policy;
using static Notifications.Domain.Tests.BreachFactsBuilder;

namespace Notifications.Domain.Tests.Assessment;

/// <summary>The examples the BC guidance itself gives (seeds/004), with the outcome it states or implies.</summary>
public sealed class GuidanceExampleTests
{
    public static TheoryData<AssessmentCase> Examples => new()
    {
        // "A public body employee who receives a misdirected email from a colleague within the same public body, who is
        // subject to the same employment confidentiality requirements, could be quickly contained by deleting the email."
        new AssessmentCase("misdirected email to a colleague under the same confidentiality duty, deleted",
            Baseline().WithPersonalInformation("name", "humanResources")
                .WithRelationship(RecipientRelationship.SameBodyConfidentialityDuty)
                .WithContainment(ContainmentStatus.Contained, agreedToDestroyOrReturn: true),
            false, HarmLevel.Low, Urgency.Standard,
            "sensitivity", "dataElements", "recipientRelationship", "containment", "containment"),

        // "If the misdirected email includes a sensitive human resource issue and has been sent not just to one individual
        // by mistake but to a large distribution list, the ability to quickly contain the information has decreased and
        // the risk of significant harm has increased." Some recipients have deleted it: partly contained.
        new AssessmentCase("sensitive HR issue to a large distribution list",
            Baseline().WithPersonalInformation("name", "humanResources")
                .WithRelationship(RecipientRelationship.SameBodyConfidentialityDuty)
                .WithRecipientCount(250),
            true, HarmLevel.High, Urgency.Standard,
            "sensitivity", "dataElements", "recipientRelationship", "recipientCount"),

        // "A letter containing sensitive personal information sent to a hostile ex-spouse who is threatening to publish it
        // on social media would increase the potential for significant harm." The letter is in hostile hands and the
        // body cannot get it back: not containable, and significant, so immediate.
        new AssessmentCase("letter with sensitive information to a hostile ex-spouse threatening to publish",
            Baseline().WithCause(BreachCause.MisdirectedMail).WithPersonalInformation("name", "homeAddress", "health")
                .WithRelationship(RecipientRelationship.AdverseOrHostile)
                .WithContainment(ContainmentStatus.NotContained),
            true, HarmLevel.Critical, Urgency.Immediate,
            "sensitivity", "dataElements", "recipientRelationship", "containment", "urgency"),

        // The threat to publish is evidence of intent to use the information maliciously: the same outcome.
        new AssessmentCase("same letter, recorded as known malicious intent",
            Baseline().WithCause(BreachCause.MisdirectedMail).WithPersonalInformation("name", "homeAddress", "health")
                .WithRelationship(RecipientRelationship.KnownMaliciousIntent)
                .WithContainment(ContainmentStatus.NotContained),
            true, HarmLevel.Critical, Urgency.Immediate,
            "sensitivity", "dataElements", "recipientRelationship", "containment", "urgency"),

        // "First and last name may not be considered sensitive on their own..."
        new AssessmentCase("name alone", Baseline(), false, HarmLevel.Low, Urgency.Standard, "sensitivity"),

        // "...but when paired with birth date, home address, and financial information ... could result in a risk of
        // significant harm, including identity theft."
        new AssessmentCase("name, birth date, home address and financial information",
            Baseline().WithPersonalInformation("name", "birthDate", "homeAddress", "financial"),
            true, HarmLevel.Critical, Urgency.Standard, "sensitivity", "dataElements", "combination"),

        // "If the information was breached through theft, this will generally increase the risk of misuse and of
        // significant harm." A stolen bag with letters giving names and home addresses.
        new AssessmentCase("theft of names and home addresses",
            Baseline().WithCause(BreachCause.Theft).WithPersonalInformation("name", "homeAddress").WithRecipientCount(null)
                .WithContainment(ContainmentStatus.NotContained),
            true, HarmLevel.Critical, Urgency.Immediate, "sensitivity", "dataElements", "recipientCount", "containment", "cause", "urgency"),

        // "Privacy breaches that may result in physical harm of an individual warrant immediate notification, even if all
        // requirements for notification are not yet known (such as the date of the breach ...)."
        new AssessmentCase("physical harm possible, occurrence date unknown",
            Baseline().WithPhysicalHarm().WithPersonalInformation("name", "homeAddress")
                .WithRelationship(RecipientRelationship.AdverseOrHostile),
            true, HarmLevel.Critical, Urgency.Immediate, "physicalHarm", "sensitivity", "dataElements", "recipientRelationship", "urgency"),
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Assess_GuidanceExample_GivesTheOutcomeTheGuidanceDescribes(AssessmentCase row) => row.AssertUnder(PolicyPacks.BcFoippaV1);

    [Fact]
    public void Assess_PhysicalHarm_IsDueImmediatelyNotAWeekFromDiscovery()
    {
        var proposal = HarmAssessor.Assess(Baseline().WithPhysicalHarm(), PolicyPacks.BcFoippaV1, Now);

        // seeds/004: physical harm warrants immediate notification; the BC pack sets the immediate window to zero.
        Assert.Equal(Now, proposal.Deadline);
        Assert.All(proposal.Deadlines, d => Assert.True(d.Required));
    }
}
