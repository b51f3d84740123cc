using System.Diagnostics;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.EndToEnd;

/// <summary>The built app, started as its own process in local mode (<c>--local</c>) against the test's services.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri api)
    {
        _process = process;
        Api = api;
    }

    public Uri Api { get; }

    public static async Task<AppProcess> StartAsync(DevServices services, string prefix, CancellationToken ct)
    {
        // The app's own build output (same configuration as the tests), where host.json sits beside the dll.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var appDir = Path.Combine(DevServices.RepositoryRoot(), "src", "Notifications.Functions", "bin", configuration, "net10.0");
        var port = DevServices.FreePort();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = appDir, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(appDir, "Notifications.Functions.dll"));
        info.ArgumentList.Add("--local");
        foreach (var (key, value) in TestServices.Settings(services, prefix))
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Auth__SigningKey"] = AppFactory.SigningKey;
        info.Environment["Hosting__Queues__MaxPollingInterval"] = "00:00:00.500";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the app.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before it was ready.");
            }

            try
            {
                (await http.GetAsync(app.Api, ct)).EnsureSuccessStatusCode();
                return app;
            }
            catch (HttpRequestException) when (attempt < 300)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
