using Notifications.Functions.Access;
using Notifications.LocalRuntime.Sample;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.EndToEnd;

/// <summary>
/// The first slice through everything a newcomer runs: the built app as a process, its own queue listeners and timers,
/// real Azurite and a real SMTP sink. The sample incident (the run command's <c>--sample</c>) must finish: the reminder,
/// the Commissioner's report, and the notices to the people of <c>docs/samples/recipients.sample.csv</c>.
/// </summary>
public sealed class LocalRuntimeEndToEndTests(DevServicesFixture fixture)
{
    /// <summary>A phrase of the sample's notice summary, in English and in French.</summary>
    private const string SummaryEn = "case files, including yours";
    private const string SummaryFr = "fichiers imprimés, dont le vôtre";

    [Fact]
    public async Task SampleIncident_ThroughTheLocalRuntime_ReachesThePrivacyOfficeTheCommissionerAndTheAffectedPeople()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await AppProcess.StartAsync(fixture.Services, Names.Unique("e2e"), ct);
        var output = new StringWriter();

        var exitCode = await SampleIncident.RunAsync(new AuthOptions { SigningKey = AppFactory.SigningKey }, app.Api, output, ct);

        Assert.True(exitCode == 0, output.ToString());
        var id = System.Text.RegularExpressions.Regex.Match(output.ToString(), "inc-[0-9a-f]+").Value;
        var inbox = await fixture.Services.Mail.WaitForAsync(all => all.Any(m => m.Subject.Contains(id, StringComparison.Ordinal)), ct: ct);
        Assert.Equal("privacy.office@example.test", inbox.First(m => m.Subject.Contains(id, StringComparison.Ordinal)).To.Single().Address);
        Assert.Contains("reminder-sent", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("commissioner-report-sent", output.ToString(), StringComparison.Ordinal);
        await fixture.Services.Mail.WaitForAsync(all => all.Any(m => m.To.Any(t => t.Address == "commissioner@example.test") && m.Text!.Contains("Ministry of Examples", StringComparison.Ordinal)), ct: ct);

        Assert.Contains("letters-exported", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("notices-completed", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Notices complete: 3 by email, 1 by letter, 1 indirect, 1 withheld.", output.ToString(), StringComparison.Ordinal);
        static bool IsNotice(ReceivedMail m) => m.Body.Contains(SummaryEn, StringComparison.Ordinal) || m.Body.Contains(SummaryFr, StringComparison.Ordinal);
        var notices = (await fixture.Services.Mail.WaitForAsync(all => all.Count(IsNotice) >= 3, ct: ct)).Where(IsNotice).ToList();
        AssertNotice(notices, "avery.tremblay@example.test", "Dear Avery Tremblay", SummaryEn);
        AssertNotice(notices, "lea.gagnon@example.test", "Bonjour Léa Gagnon", SummaryFr);
        AssertNotice(notices, "guardian.okafor@example.test", "Dear Chris Okafor", SummaryEn); // a minor, through the guardian's email, to the guardian
        Assert.Equal("Chris Okafor", Assert.Single(notices, m => m.To.Any(t => t.Address == "guardian.okafor@example.test")).To.Single().Name);
        Assert.Equal(3, notices.Count); // not the withheld person, though the file has their email
    }

    /// <summary>Exactly one notice went to <paramref name="address"/>, to that address alone, in the person's language.</summary>
    private static void AssertNotice(List<ReceivedMail> notices, string address, string greeting, string summary)
    {
        var notice = Assert.Single(notices, m => m.To.Any(t => t.Address == address));
        Assert.Single(notice.To);
        Assert.StartsWith(greeting, notice.Text!.TrimStart(), StringComparison.Ordinal);
        Assert.Contains(summary, notice.Text, StringComparison.Ordinal);
    }
}
