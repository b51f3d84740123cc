using System.Diagnostics;
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
    private const string Chromium = "/usr/bin/chromium";

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
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run scripts/ensure-browser.sh (apt-get install chromium).");
        var root = DevServices.RepositoryRoot();
        var script = Path.Combine(root, "tests", "Notifications.Functions.Tests", "Dashboard", "browser", "dashboard.mjs");
        Assert.True(File.Exists(Path.Combine(root, "node_modules", "playwright-core", "package.json")),
            "playwright-core is missing: run scripts/ensure-node-deps.sh.");
        await using var app = await AppProcess.StartAsync(fixture.Services, Names.Unique("dash"), ct);

        var (exitCode, output) = await RunNodeAsync(root, script, app.Api.ToString(), Path.Combine(root, "artifacts", "dashboard"), ct);

        Assert.True(exitCode == 0, output);
        foreach (var scenario in Scenarios)
        {
            Assert.Contains($"PASS {scenario}", output, StringComparison.Ordinal);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(string root, string script, string baseUrl, string shots, CancellationToken ct)
    {
        var info = new ProcessStartInfo("node") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(baseUrl);
        info.ArgumentList.Add(shots);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(8));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
