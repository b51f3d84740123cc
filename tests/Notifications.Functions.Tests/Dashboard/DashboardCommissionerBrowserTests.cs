using Notifications.Functions.Tests.EndToEnd;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Dashboard;

/// <summary>
/// The incident page's Commissioner's report, letters and indirect-notice sections, and the main flow in French, in a real
/// browser (<c>browser/commissioner.mjs</c>, the same harness as <see cref="DashboardBrowserTests"/>): the built app as its
/// own process on real Azurite and maildev, Debian's chromium through playwright-core, an axe-core check on every new screen,
/// screenshots to <c>artifacts/dashboard/</c>. Fails, never skips, when chromium or playwright-core is missing.
/// </summary>
public sealed class DashboardCommissionerBrowserTests(DevServicesFixture fixture)
{
    private static readonly string[] Scenarios =
    [
        "set up three notifying incidents through the API",
        "an approver approves the Commissioner's report and sees the sent text",
        "the officer exports letters and records a returned letter",
        "the officer switches to indirect notice and the link opens the public page",
        "an auditor sees these sections read-only",
        "the main flow in French: report with a French field error, then the assessment confirmed",
    ];

    [Fact]
    public async Task Dashboard_InChromium_ApproverSendsTheReport_OfficerExportsLettersAndSwitchesToIndirect_MainFlowInFrench()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await AppProcess.StartAsync(fixture.Services, Names.Unique("dashcr"), ct);

        var (exitCode, output) = await BrowserScript.RunAsync("commissioner.mjs", app.Api, ct);

        Assert.True(exitCode == 0, output);
        foreach (var scenario in Scenarios)
        {
            Assert.Contains($"PASS {scenario}", output, StringComparison.Ordinal);
        }
    }
}
