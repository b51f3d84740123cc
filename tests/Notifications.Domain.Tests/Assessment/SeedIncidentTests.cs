using Notifications.Domain.Assessment;
using Notifications.Domain.Breach;
using Notifications.Domain.Policy;
using static Notifications.Domain.Tests.BreachFactsBuilder;

namespace Notifications.Domain.Tests.Assessment;

/// <summary>The real incidents in seeds/000 and seeds/002, assessed as if a BC public body had them.</summary>
public sealed class SeedIncidentTests
{
    /// <summary>
    /// Seed 000 (IRCC): emails meant for work-permit holders went to other, unrelated people; each carried the holder's
    /// name, application number and unique client identifier. The body learned of it on August 3 and asked recipients to
    /// delete the messages, with no confirmation from them.
    ///
    /// Expected: significant harm, level high, standard urgency, due 7 days after discovery. Reasoning from the guidance:
    /// - a name is not sensitive on its own, but with an application number and a client identifier it ties a named person
    ///   to a government file and gives a stranger what they need to impersonate the body convincingly (phishing), and it
    ///   reveals that the person holds or applied for a permit ("the number of data elements ... may increase sensitivity");
    /// - the recipients are unrelated individuals, and many of them ("if there are a large number of people that received
    ///   the breached personal information ... there may also be an increased potential for harm");
    /// - containment depends on each stranger deleting a message, which the body cannot verify, so it is only partly
    ///   contained; no recipient has agreed to destroy it;
    /// - there is no sign of physical harm or of malicious recipients, and it is not "not containable", so notice is
    ///   standard, not immediate. IRCC itself treated it as requiring notice to affected clients.
    /// </summary>
    [Fact]
    public void Assess_Seed000MisdirectedImmigrationEmails_IsSignificantWithAStandardDeadline()
    {
        var discovered = new DateTimeOffset(2022, 8, 3, 9, 0, 0, TimeSpan.FromHours(-4));
        var facts = BreachFactsBuilder.Seed000(discovered).Build();

        var proposal = HarmAssessor.Assess(facts, PolicyPacks.BcFoippaV1, discovered.AddHours(6));

        Assert.Equal((true, HarmLevel.High, Urgency.Standard), (proposal.SignificantHarm, proposal.Level, proposal.Urgency));
        Assert.Equal(["sensitivity", "dataElements", "combination", "recipientCount"], proposal.Reasons.Select(r => r.Factor));
        Assert.Equal("governmentFile", proposal.Reasons.Single(r => r.Factor == "combination").Rule);
        Assert.Equal(discovered.AddDays(7), proposal.Deadline);
    }

    /// <summary>
    /// Seed 000 once the count is known: many recipients weigh the same as unknown ones.
    /// </summary>
    [Fact]
    public void Assess_Seed000WithAKnownLargeRecipientCount_IsStillSignificant()
    {
        var facts = Baseline().WithPersonalInformation("name", "applicationNumber", "clientId").WithRecipientCount(1200);

        var proposal = HarmAssessor.Assess(facts, PolicyPacks.BcFoippaV1, Now);

        Assert.True(proposal.SignificantHarm);
        Assert.Contains(proposal.Reasons, r => r.Factor == "recipientCount" && r.Text.Contains("1200 recipients"));
    }

    /// <summary>
    /// Seed 002 (elector list): a staffer had a colleague pull names and home addresses from the organization's copy of
    /// the list of electors to address greeting cards, a use outside the purpose the list was given for. The cards went to
    /// the electors themselves; the list was then destroyed.
    ///
    /// Expected: not significant, level low. Reasoning from the guidance:
    /// - names and home addresses are of low sensitivity and make no identity-theft combination;
    /// - the information stayed with staff of the same organization, who hold the list under the same confidentiality
    ///   conditions ("a colleague within the same public body, who is subject to the same ... confidentiality
    ///   requirements"); no outside party received anyone else's information: each card went to its own addressee;
    /// - it is contained: the list was destroyed, which the guidance says lowers the likelihood of significant harm;
    /// - unauthorized use weighs a little more than an error, but not enough to reach the threshold.
    /// The incident is still recorded with its reasons (the pack registers incidents below the threshold), and the
    /// over-use of contact data is why the pipeline purges contact data after a retention period.
    /// </summary>
    [Fact]
    public void Assess_Seed002ElectorListUsedForGreetingCards_IsNotSignificant()
    {
        var facts = Baseline()
            .WithCause(BreachCause.UnauthorizedUse)
            .WithPersonalInformation("name", "homeAddress")
            .WithAffected(null)
            .WithRecipientCount(2)
            .WithRelationship(RecipientRelationship.SameBodyConfidentialityDuty)
            .WithContainment(ContainmentStatus.Contained, agreedToDestroyOrReturn: true)
            .Build();

        var proposal = HarmAssessor.Assess(facts, PolicyPacks.BcFoippaV1, Now);

        Assert.Equal((false, HarmLevel.Low, Urgency.Standard), (proposal.SignificantHarm, proposal.Level, proposal.Urgency));
        Assert.Equal(
            ["sensitivity", "dataElements", "recipientRelationship", "containment", "containment", "cause"],
            proposal.Reasons.Select(r => r.Factor));
        Assert.All(proposal.Deadlines, d => Assert.False(d.Required));
        Assert.True(PolicyPacks.BcFoippaV1.Records.RegisterBelowThreshold);
    }

    [Fact]
    public void Assess_Reasons_NameKindsAndCountsButNeverTheBodyOrValues()
    {
        var facts = Baseline()
            .WithBodies(new PublicBodyInvolved("Secret Agency Name", CustodyOrControl.Custody))
            .WithPersonalInformation("name", "applicationNumber", "clientId").WithRecipientCount(40);

        var proposal = HarmAssessor.Assess(facts, PolicyPacks.BcFoippaV1, Now);

        Assert.All(proposal.Reasons, r => Assert.DoesNotContain("Secret Agency", r.Text));
        Assert.Contains(proposal.Reasons, r => r.Text.Contains("name, application number and client identifier"));
    }
}
