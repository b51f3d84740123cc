using System.Diagnostics;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.EndToEnd;

/// <summary>The built local runtime with the app's functions, started as its own process against the test's services.</summary>
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
        // The local runtime's own build output (same configuration as the tests), with host.json and functions.metadata.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var appDir = Path.Combine(DevServices.RepositoryRoot(), "src", "Notifications.LocalRuntime", "bin", configuration, "net10.0");
        var port = DevServices.FreePort();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = appDir, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(appDir, "Notifications.LocalRuntime.dll"));
        foreach (var (key, value) in TestServices.Settings(services, prefix))
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
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
                // Any answer means the runtime serves (health answers 503 while a dependency is down).
                await http.GetAsync(new Uri(app.Api, "api/health"), ct);
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
