using Notifications.Domain.Breach;
using Notifications.Domain.Policy;
using Notifications.Domain.Reports;
using Notifications.Domain.Tests.Policy;
using static Notifications.Domain.Tests.BreachFactsBuilder;

namespace Notifications.Domain.Tests.Reports;

/// <summary>The report carries every Commissioner element by its content, invents nothing and names kinds, never values.</summary>
public sealed class CommissionerReportWriterTests
{
    private static readonly PolicyPack Pack = PolicyPacks.BcFoippaV1;

    private static BreachFacts Facts() => Baseline()
        .WithBodies(new("Ministry of Examples", CustodyOrControl.Custody), new("Shared Services Agency", CustodyOrControl.Control))
        .WithOccurred(Occurrence.At(Discovered.AddDays(-1)))
        .WithDetermined(Discovered.AddHours(3))
        .WithPersonalInformation("name", "birthDate", "homeAddress", "sin")
        .WithGroups("children")
        .WithAffected(42, new JurisdictionCount("CA-BC", 40), new JurisdictionCount("CA-AB", 2))
        .WithRecipientCount(3)
        .Build();

    /// <summary>Each regulator element of the BC pack, with a line only its content would produce.</summary>
    public static TheoryData<string, string> ElementContent => new()
    {
        { "publicBodies", "- Ministry of Examples (custody)\n- Shared Services Agency (control)" },
        { "dateLearned", "Discovered: 2024-08-03 16:00 UTC\nDetermined to be a privacy breach: 2024-08-03 19:00 UTC" },
        { "breachDescription", ReportInputBuilder.Description + "\nHow it happened: an email was sent to the wrong recipient or recipients.\nWhen it occurred: on 2024-08-02 16:00 UTC." },
        { "kindsOfPersonalInformation", "- name\n- birth date\n- home address\n- social insurance number" },
        { "estimatedNumberAffected", "Estimated number of affected individuals: 42\nGroups among them: children\nBy jurisdiction: CA-BC: 40; CA-AB: 2" },
        { "stepsTakenByBody", "Steps taken:\n- Ask each wrong recipient to delete the email and confirm (done 2024-08-04 14:00 UTC)\nSteps planned:\n- Put prevention measures in place (planned)" },
        { "contactDetails", "Alex Officer, Privacy Officer\nEmail: privacy@example.gov.bc.ca\nPhone: 250-555-0100" },
    };

    [Theory]
    [MemberData(nameof(ElementContent))]
    public void Compose_EveryRegulatorElement_IsInTheTextAndListed(string code, string content)
    {
        var report = CommissionerReportWriter.Compose(ReportInputBuilder.From(Facts(), Now), Pack, Now);

        Assert.Contains(content, report.Text, StringComparison.Ordinal);
        Assert.Contains(code, report.Elements);
    }

    [Fact]
    public void Compose_Elements_AreThePacksRegulatorElementsInPackOrder()
    {
        var report = CommissionerReportWriter.Compose(ReportInputBuilder.From(Facts(), Now), Pack, Now);

        Assert.Equal(Pack.NoticeElements.Where(e => e.Audiences.Contains(NoticeAudience.Regulator)).Select(e => e.Code), report.Elements);
        Assert.Equal(ElementContent.Select(r => r.Data.Item1).Order(), report.Elements.Order());
    }

    [Fact]
    public void Compose_NotificationAndAssessment_AreReported()
    {
        var input = ReportInputBuilder.From(Facts(), Now);

        var report = CommissionerReportWriter.Compose(input, Pack, Now);

        Assert.Contains("Method: email, with letters where no email address is known", report.Text, StringComparison.Ordinal);
        Assert.Contains("Individuals notified or to be notified directly: 40", report.Text, StringComparison.Ordinal);
        Assert.Contains("Individuals notified or to be notified by letter: 2", report.Text, StringComparison.Ordinal);
        Assert.Contains("Notices withheld under the safety exception: 0", report.Text, StringComparison.Ordinal);
        Assert.Contains("Significant harm could reasonably be expected: yes", report.Text, StringComparison.Ordinal);
        Assert.All(input.Decision.Reasons, r => Assert.Contains("- " + r.Text, report.Text, StringComparison.Ordinal));
        Assert.DoesNotContain("overrode", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NeverWritesValuesCodesOrAnythingNotInTheInput()
    {
        const string reporterName = "Jordan Reporter";
        const string reporterEmail = "jordan.reporter@example.com";
        var report = CommissionerReportWriter.Compose(ReportInputBuilder.From(Facts(), Now), Pack, Now);

        foreach (var absent in new[] { reporterName, reporterEmail, "birthDate", "homeAddress", "sin\n", "PartiallyContained", "MisdirectedEmail" })
        {
            Assert.DoesNotContain(absent, report.Text + report.Subject, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compose_MissingCounts_AreWrittenAsNotYetKnown()
    {
        var facts = Baseline().WithPersonalInformation("name", "applicationNumber", "clientId").WithAffected(null).WithRecipientCount(null).Build();
        var input = ReportInputBuilder.From(facts, Now, new NotificationSummary(null, null, null, null, [], ""));

        var report = CommissionerReportWriter.Compose(input, Pack, Now);

        foreach (var line in new[]
        {
            "Estimated number of affected individuals: not yet known",
            "Recipients: not yet known (",
            "Determined to be a privacy breach: not yet known",
            "When it occurred: unknown.",
            "Method: not yet known",
            "Individuals notified or to be notified directly: not yet known",
            "Individuals notified or to be notified by letter: not yet known",
            "Individuals reached or to be reached by indirect notice: not yet known",
            "Notices withheld under the safety exception: not yet known",
        })
        {
            Assert.Contains(line, report.Text, StringComparison.Ordinal);
        }

        Assert.Contains("estimatedNumberAffected", report.Elements);
    }

    [Fact]
    public void Compose_AllNoticesWithheld_SaysSoWithTheReasonsAndIsStillWritten()
    {
        var notification = new NotificationSummary(0, 0, 0, 3, ["Notice could reveal a protected address to an abusive former partner."], "none: withheld");
        var input = ReportInputBuilder.From(Baseline().WithAffected(3).WithPhysicalHarm(), Now, notification);

        var report = CommissionerReportWriter.Compose(input, Pack, Now);

        Assert.Contains("Notice to individuals has been withheld for every affected individual (3) under the safety exception.", report.Text, StringComparison.Ordinal);
        Assert.Contains("This report is sent to the Commissioner nonetheless", report.Text, StringComparison.Ordinal);
        Assert.Contains("Notices withheld under the safety exception: 3", report.Text, StringComparison.Ordinal);
        Assert.Contains("Reasons given for withholding:\n- Notice could reveal a protected address to an abusive former partner.", report.Text, StringComparison.Ordinal);
        Assert.Contains("Ground: " + Pack.Exemptions.Single().Text.En, report.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, 0, 1, 5, false)]
    [InlineData(1, 0, 0, 2, 3, false)]
    [InlineData(null, null, null, 5, 5, true)]
    [InlineData(null, null, null, 2, 5, false)]
    [InlineData(0, 0, 0, 2, null, true)]
    public void Compose_WithheldCounts_DecideWhetherEveryNoticeIsWithheld(int? direct, int? letters, int? indirect, int withheld, int? affected, bool all)
    {
        var notification = new NotificationSummary(direct, letters, indirect, withheld, ["safety"], "email");
        var input = ReportInputBuilder.From(Baseline().WithAffected(affected), Now, notification);

        var report = CommissionerReportWriter.Compose(input, Pack, Now);

        Assert.Equal(all, report.Text.Contains("withheld for every affected individual", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_Overridden_GivesTheOverrideAndItsReason()
    {
        var input = ReportInputBuilder.From(Baseline(), Now);
        input = input with { Decision = input.Decision with { SignificantHarm = true, Level = HarmLevel.High, Overridden = true, OverrideReason = "The HR matter is known to the recipient's team." } };

        var report = CommissionerReportWriter.Compose(input, Pack, Now);

        Assert.Contains("The privacy officer overrode the proposed assessment. Reason for the override: The HR matter is known to the recipient's team.", report.Text, StringComparison.Ordinal);
        Assert.Contains("Harm level: high", report.Text, StringComparison.Ordinal);
        Assert.Contains("Reasons of the proposed assessment:", report.Text, StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<CommissionerReportInput, CommissionerReportInput>, string> Incomplete => new()
    {
        { "no contact name", i => i with { Contact = i.Contact with { Name = " " } }, "contactDetails" },
        { "no contact email", i => i with { Contact = i.Contact with { Email = "" } }, "contactDetails" },
        { "no contact", i => i with { Contact = null! }, "contactDetails" },
        { "blank description", i => i with { Description = "  " }, "breachDescription" },
    };

    [Theory]
    [MemberData(nameof(Incomplete))]
    public void Compose_RequiredElementCannotBeProduced_ThrowsNamingIt(string name, Func<CommissionerReportInput, CommissionerReportInput> change, string element)
    {
        _ = name;
        var input = change(ReportInputBuilder.From(Facts(), Now));

        var error = Assert.Throws<CommissionerReportException>(() => CommissionerReportWriter.Compose(input, Pack, Now));

        Assert.Equal([element], error.MissingElements);
        Assert.Contains(element, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_PackWithAnElementTheWriterCannotWrite_Throws()
    {
        var error = Assert.Throws<CommissionerReportException>(() =>
            CommissionerReportWriter.Compose(ReportInputBuilder.From(Baseline(), Now), TestPacks.GdprLike, Now));

        Assert.Contains("natureOfBreach", error.MissingElements);
    }

    [Fact]
    public void Compose_InvalidFacts_ThrowsArgumentException()
    {
        var input = ReportInputBuilder.From(Facts(), Now);
        input = input with { Facts = input.Facts with { PersonalInformation = ["dna"] } };

        Assert.Throws<ArgumentException>(() => CommissionerReportWriter.Compose(input, Pack, Now));
    }
}
