using System.Diagnostics;
using Notifications.Functions.Tests.EndToEnd;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Dashboard;

/// <summary>
/// The incident page's Recipients, Notices and Run sections in a real browser (<c>browser/notices.mjs</c>): the built app
/// as a process with its queue listeners and timers on, real Azurite and maildev, Debian's chromium driven by
/// playwright-core, with an axe-core check and a screenshot (<c>artifacts/dashboard/</c>) of every new screen. The notices
/// the run sends are read back from maildev. Fails, never skips, when chromium is missing (scripts/ensure-browser.sh).
/// </summary>
public sealed class DashboardNoticesBrowserTests(DevServicesFixture fixture)
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] Scenarios =
    [
        "recipients: a file whose emails slipped a row shows the block by line, a good file the counts by channel",
        "notices: a pasted SIN is found beside its field, fixed, and the preview shows one person's email and letter",
        "notices: the approver approves the content, and sees no officer actions",
        "run: the officer starts the run and watches it reach complete",
        "run: halt and resume while the canary waits for its delivery reports",
        "an auditor sees recipients, notices and the run read-only",
    ];

    [Fact]
    public async Task Dashboard_InChromium_OfficerImportsWritesAndRuns_ApproverApproves_MaildevGetsTheNotices()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run scripts/ensure-browser.sh (apt-get install chromium).");
        var root = DevServices.RepositoryRoot();
        var script = Path.Combine(root, "tests", "Notifications.Functions.Tests", "Dashboard", "browser", "notices.mjs");
        Assert.True(File.Exists(Path.Combine(root, "node_modules", "playwright-core", "package.json")),
            "playwright-core is missing: run scripts/ensure-node-deps.sh.");
        var prefix = Names.Unique("dashn");
        // No quota to wait for; the canary of a run larger than one batch waits for delivery reports maildev never sends,
        // so a run stands still long enough to be halted and resumed.
        await using var app = await AppProcess.StartAsync(fixture.Services, prefix, ct, new Dictionary<string, string?>
        {
            ["FanOut__PerMinute"] = "1000000",
            ["FanOut__PerHour"] = "1000000",
            ["FanOut__CanaryDeliveryWait"] = "00:10:00",
        });

        var (exitCode, output) = await RunNodeAsync(root, ct, script, app.Api.ToString(), Path.Combine(root, "artifacts", "dashboard"), prefix);

        Assert.True(exitCode == 0, output);
        foreach (var scenario in Scenarios)
        {
            Assert.Contains($"PASS {scenario}", output, StringComparison.Ordinal);
        }

        // The three email people got one notice each; the letter, indirect and withheld people got none.
        var suffix = $".{prefix}@example.test";
        bool Ours(ReceivedMail m) => m.To.Any(t => t.Address.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
        var mail = (await fixture.Services.Mail.WaitForAsync(all => all.Count(Ours) >= 3, ct: ct)).Where(Ours).ToList();
        Assert.Equal(["aaa", "bbb", "ccc"], mail.Select(m => m.To.Single().Address.Split('.')[0]).Order());
        Assert.All(mail, m => Assert.Contains("wrong distribution list", m.Text, StringComparison.Ordinal));
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(string root, CancellationToken ct, params string[] args)
    {
        var info = new ProcessStartInfo("node") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

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
