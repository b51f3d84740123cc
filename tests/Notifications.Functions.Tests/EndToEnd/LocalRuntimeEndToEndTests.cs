using Notifications.Functions.Access;
using Notifications.Functions.Sample;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.EndToEnd;

/// <summary>
/// The first slice through everything a newcomer runs: the built app as a process, its own queue listeners and timers,
/// real Azurite and a real SMTP sink. The sample incident (the run command's <c>--sample</c>) must finish.
/// </summary>
public sealed class LocalRuntimeEndToEndTests(DevServicesFixture fixture)
{
    [Fact]
    public async Task SampleIncident_ThroughTheLocalRuntime_ReachesThePrivacyOfficeAndTheCommissioner()
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
    }
}
