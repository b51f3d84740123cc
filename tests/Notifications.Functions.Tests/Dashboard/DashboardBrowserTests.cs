using Notifications.Functions.Tests.EndToEnd;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Dashboard;

/// <summary>
/// The privacy office's dashboard in a real browser: the built app as a process (its queue listeners and timers on), real
/// Azurite and maildev, and Debian's chromium driven by playwright-core (<c>browser/dashboard.mjs</c>) with an axe-core check
/// on every screen. Fails, never skips, when chromium is missing: <c>scripts/test.sh</c> installs it (scripts/ensure-browser.sh).
/// Screenshots of every screen go to <c>artifacts/dashboard/</c>.
/// </summary>
public sealed class DashboardBrowserTests(DevServicesFixture fixture)
{
    private static readonly string[] Scenarios =
    [
        "sign-in as officer",
        "report a breach: a field error, then success",
        "the register shows it with time left",
        "open the incident and amend the facts with a reason",
        "confirm the assessment with its reasons",
        "French, remembered",
        "an auditor sees no action buttons, and the API refuses",
    ];

    [Fact]
    public async Task Dashboard_InChromium_OfficerReportsAmendsAndConfirms_FrenchIsRemembered_AuditorSeesNoActions()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await AppProcess.StartAsync(fixture.Services, Names.Unique("dash"), ct);

        var (exitCode, output) = await BrowserScript.RunAsync("dashboard.mjs", app.Api, ct);

        Assert.True(exitCode == 0, output);
        foreach (var scenario in Scenarios)
        {
            Assert.Contains($"PASS {scenario}", output, StringComparison.Ordinal);
        }
    }
}
