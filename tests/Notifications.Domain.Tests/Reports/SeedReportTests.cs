using Notifications.Domain.Assessment;
using Notifications.Domain.Breach;
using Notifications.Domain.Containment;
using Notifications.Domain.Policy;
using Notifications.Domain.Reports;
using static Notifications.Domain.Tests.BreachFactsBuilder;

namespace Notifications.Domain.Tests.Reports;

/// <summary>Seed 000 (IRCC misdirected emails) end to end: assess, plan containment, report to the Commissioner.</summary>
public sealed class SeedReportTests
{
    private static readonly DateTimeOffset Learned = new(2022, 8, 3, 9, 0, 0, TimeSpan.FromHours(-4));
    private static readonly DateTimeOffset ReportedAt = Learned.AddHours(30);

    private static CommissionerReport Seed000Report()
    {
        var pack = PolicyPacks.BcFoippaV1;
        var facts = BreachFactsBuilder.Seed000(Learned).Build();
        var proposal = HarmAssessor.Assess(facts, pack, Learned.AddHours(6));
        var plan = ContainmentPlanner.Plan(facts, pack, Learned.AddHours(6));
        var steps = plan.Select(t => new ContainmentStep(t.Title, t.Kind == ContainmentTaskKind.DeletionConfirmation, t.Kind == ContainmentTaskKind.DeletionConfirmation ? t.DueAt : null)).ToArray();
        var input = new CommissionerReportInput(
            "inc-2022-0803",
            facts,
            "Emails meant to tell work-permit holders and applicants how to extend their status were sent to other, unrelated people. " +
            "The recipients were asked not to share the email and to delete it.",
            new DecisionSummary(proposal.SignificantHarm, proposal.Level, proposal.Urgency, false, null, proposal.Reasons),
            steps,
            new NotificationSummary(null, null, null, 0, [], "a separate email to each affected client"),
            new ContactPerson("Departmental Privacy Office", null, "privacy@example.gc.ca", null));
        return CommissionerReportWriter.Compose(input, pack, ReportedAt);
    }

    [Fact]
    public void Compose_Seed000_RendersTheKeyLines()
    {
        var report = Seed000Report();
        TestContext.Current.TestOutputHelper?.WriteLine(report.Text);

        Assert.Equal("Privacy breach report: Immigration, Refugees and Citizenship Canada (incident inc-2022-0803)", report.Subject);
        foreach (var line in new[]
        {
            "- Immigration, Refugees and Citizenship Canada (custody and control)",
            "Discovered: 2022-08-03 09:00 UTC-04:00",
            "When it occurred: on 2022-08-02 09:00 UTC-04:00.",
            "How it happened: an email was sent to the wrong recipient or recipients.",
            "Recipients: not yet known (people with no known relationship to the affected individuals).",
            "- name\n- application number\n- client identifier\n",
            "Estimated number of affected individuals: not yet known",
            "Containment status: partially contained.",
            "- Ask each wrong recipient to delete the email, including from their deleted items, and to confirm the deletion (done 2022-08-03 19:00 UTC-04:00)",
            "- Recall the email where the mail system allows it, and delete it from the sender's sent items (planned)",
            "Method: a separate email to each affected client",
            "Significant harm could reasonably be expected: yes",
            "Harm level: high",
            "Urgency: standard",
            "Email: privacy@example.gc.ca",
        })
        {
            Assert.Contains(line, report.Text, StringComparison.Ordinal);
        }

        Assert.Equal(7, report.Elements.Count);
    }

    [Fact]
    public void Compose_Seed000_NamesKindsNotCodesAndNoPhoneWhenNoneGiven()
    {
        var report = Seed000Report();

        Assert.DoesNotContain("applicationNumber", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("clientId", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Phone:", report.Text, StringComparison.Ordinal);
    }
}
