using Notifications.Domain.Breach;
using Notifications.Domain.Policy;

namespace Notifications.Domain.Tests.Policy;

public sealed class PolicyPackLoaderTests
{
    [Fact]
    public void BcFoippaV1_LoadsWithItsIdVersionAndDeadline()
    {
        var pack = PolicyPacks.BcFoippaV1;

        Assert.Equal(("bc-foippa", "1.0.0"), (pack.Id, pack.Version));
        Assert.Equal(new DeadlineRule("individuals", ClockTrigger.Discovered, TimeSpan.FromDays(7), TimeSpan.Zero), pack.PrimaryDeadline);
        Assert.Contains("commissioner", pack.Deadlines.Select(d => d.Audience));
        Assert.Same(pack, PolicyPacks.Default);
        Assert.Contains("bc-foippa.v1", PolicyPackLoader.EmbeddedPackNames);
    }

    [Fact]
    public void BcFoippaV1_WeighsEveryFactorOfTheGuidance()
    {
        Assert.Equal(HarmFactorCodes.All.Order(), PolicyPacks.BcFoippaV1.Harm.Factors.Select(f => f.Code).Order());
    }

    [Theory]
    [InlineData("name")]
    [InlineData("homeAddress")]
    [InlineData("email")]
    [InlineData("phone")]
    [InlineData("birthDate")]
    [InlineData("sin")]
    [InlineData("passport")]
    [InlineData("governmentId")]
    [InlineData("applicationNumber")]
    [InlineData("clientId")]
    [InlineData("health")]
    [InlineData("financial")]
    [InlineData("bankAccount")]
    [InlineData("biometric")]
    [InlineData("education")]
    [InlineData("employment")]
    [InlineData("location")]
    [InlineData("criminalRecord")]
    public void BcFoippaV1_VocabularyHasTheKindWithBothLabels(string code)
    {
        var term = PolicyPacks.BcFoippaV1.FindPersonalInformation(code);

        Assert.NotNull(term);
        Assert.False(string.IsNullOrWhiteSpace(term.Labels.En));
        Assert.False(string.IsNullOrWhiteSpace(term.Labels.Fr));
    }

    [Theory]
    [InlineData("publicBodies")]
    [InlineData("kindsOfPersonalInformation")]
    [InlineData("stepsTakenByBody")]
    [InlineData("stepsIndividualCanTake")]
    [InlineData("contactDetails")]
    [InlineData("emailNotSecureCaution")]
    [InlineData("commissionerNotified")]
    public void BcFoippaV1_RequiresTheNoticeElementForIndividuals(string code)
    {
        var element = Assert.Single(PolicyPacks.BcFoippaV1.NoticeElements, e => e.Code == code);

        Assert.Contains(NoticeAudience.Individual, element.Audiences);
    }

    [Fact]
    public void BcFoippaV1_HoldsIndirectTriggersSafetyExemptionRemindersAndRetention()
    {
        var pack = PolicyPacks.BcFoippaV1;

        Assert.Equal(
            [IndirectNoticeGroup.NoContact, IndirectNoticeGroup.HarmOrHardship, IndirectNoticeGroup.Speed],
            pack.IndirectNotice.Select(t => t.Group));
        var safety = Assert.Single(pack.Exemptions);
        Assert.True(safety.RegulatorStillNotified);
        Assert.Contains("immediate and grave harm", safety.Text.En);
        Assert.Equal([TimeSpan.FromDays(3), TimeSpan.FromDays(1)], pack.Reminders.Before);
        Assert.Equal((TimeSpan.FromDays(1), TimeSpan.FromHours(1)), (pack.Reminders.RepeatAfter, pack.Reminders.RepeatWhenImmediate));
        Assert.True(pack.Records.RegisterBelowThreshold);
        Assert.True(pack.Counting.EstimatedTotal);
    }

    [Fact]
    public void GdprLikeTestPack_LoadsWithItsOwnClockAudiencesCountingAndScaleTrigger()
    {
        var pack = TestPacks.GdprLike;

        Assert.Equal(ClockTrigger.Aware, pack.PrimaryDeadline.Clock);
        Assert.Equal(TimeSpan.FromHours(72), pack.PrimaryDeadline.Within);
        Assert.Equal(HarmLevel.Medium, pack.PrimaryDeadline.RequiredFromLevel);
        Assert.Equal((true, "*"), (pack.Counting.Records, Assert.Single(pack.Counting.Jurisdictions)));
        Assert.Contains(pack.IndirectNotice, t => t is { Group: IndirectNoticeGroup.ScaleOrCost, MinAffected: 10000 });
    }

    [Fact]
    public void LoadEmbedded_UnknownName_ListsTheEmbeddedPacks()
    {
        var error = Assert.Throws<PolicyPackException>(() => PolicyPackLoader.LoadEmbedded("ab-pipa.v9"));

        Assert.Contains("bc-foippa.v1", Assert.Single(error.Errors));
    }

    [Fact]
    public void Parse_MalformedJson_FailsWithAPath()
    {
        var error = Assert.Throws<PolicyPackException>(() => PolicyPackLoader.Parse("{ \"id\": ", "broken"));

        Assert.StartsWith("$", Assert.Single(error.Errors));
        Assert.Equal("broken", error.Pack);
    }

    [Fact]
    public void Parse_ShippedPackUnchanged_Loads()
    {
        var pack = TestPacks.ParseChanged(TestPacks.BcFoippaJson, _ => { });

        Assert.Equal(PolicyPacks.BcFoippaV1.Harm.Factors.Count, pack.Harm.Factors.Count);
        Assert.Equal(ContainmentStatus.NotContained, Assert.Single(pack.Harm.Urgency.DifficultToContain));
    }

    [Fact]
    public void EveryEmbeddedPack_Loads()
    {
        Assert.All(PolicyPackLoader.EmbeddedPackNames, name => Assert.NotNull(PolicyPackLoader.LoadEmbedded(name)));
    }

    [Fact]
    public void Get_ByIdAndVersion_ReturnsTheCachedPackOrSaysWhatIsMissing()
    {
        Assert.Same(PolicyPacks.BcFoippaV1, PolicyPacks.Get("bc-foippa", "1.0.0"));
        Assert.Contains("9.9.9", Assert.Throws<KeyNotFoundException>(() => PolicyPacks.Get("bc-foippa", "9.9.9")).Message);
    }
}
