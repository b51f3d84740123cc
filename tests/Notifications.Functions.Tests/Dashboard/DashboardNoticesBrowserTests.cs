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
        var prefix = Names.Unique("dashn");
        // No quota to wait for; the canary of a run larger than one batch waits for delivery reports maildev never sends,
        // so a run stands still long enough to be halted and resumed.
        await using var app = await AppProcess.StartAsync(fixture.Services, prefix, ct, new Dictionary<string, string?>
        {
            ["FanOut__PerMinute"] = "1000000",
            ["FanOut__PerHour"] = "1000000",
            ["FanOut__CanaryDeliveryWait"] = "00:10:00",
        });

        var (exitCode, output) = await BrowserScript.RunAsync("notices.mjs", app.Api, ct, prefix);

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
}
