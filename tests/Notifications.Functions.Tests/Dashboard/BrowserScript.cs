using System.Diagnostics;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Dashboard;

/// <summary>
/// Runs one of the dashboard's browser scripts (<c>browser/*.mjs</c>, playwright-core driving Debian's chromium) against a
/// running app: <c>node script base-url screenshot-folder</c>. Fails, never skips, when chromium or playwright-core is missing.
/// </summary>
public static class BrowserScript
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>
    /// Checks chromium and playwright-core are there, runs <paramref name="name"/> (e.g. <c>dashboard.mjs</c>) with the
    /// script's own <paramref name="extra"/> arguments after the two every script takes, and returns its exit code and output.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string name, Uri app, CancellationToken ct, params string[] extra)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run scripts/ensure-browser.sh (apt-get install chromium).");
        var root = DevServices.RepositoryRoot();
        Assert.True(File.Exists(Path.Combine(root, "node_modules", "playwright-core", "package.json")),
            "playwright-core is missing: run scripts/ensure-node-deps.sh.");
        var info = new ProcessStartInfo("node") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(root, "tests", "Notifications.Functions.Tests", "Dashboard", "browser", name));
        info.ArgumentList.Add(app.ToString());
        info.ArgumentList.Add(Path.Combine(root, "artifacts", "dashboard"));
        foreach (var arg in extra)
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
