using System.Diagnostics;
using System.Net.Http.Headers;
using Notifications.Functions.Access;
using Notifications.TestKit;

namespace Notifications.Benchmarks;

/// <summary>
/// The built local runtime (src/Notifications.LocalRuntime, the host the end-to-end tests start), as its own process on
/// the benchmark's Azurite and maildev, with the Durable sidecar on Azurite: the app a user reaches over HTTP.
/// </summary>
internal sealed class AppHost : IAsyncDisposable
{
    public const string SigningKey = "benchmark-signing-key-0123456789abcdef0123456789";

    private readonly Process _process;
    private readonly StreamWriter _log;

    private AppHost(Process process, Uri api, StreamWriter log, string logPath)
    {
        _process = process;
        _log = log;
        Api = api;
        LogPath = logPath;
    }

    public Uri Api { get; }

    public int ProcessId => _process.Id;

    /// <summary>The app's output (logs carry ids and counts only).</summary>
    public string LogPath { get; }

    public HttpClient ClientAs(string role)
    {
        var client = new HttpClient { BaseAddress = Api, Timeout = TimeSpan.FromMinutes(10) };
        var token = LocalTokens.Mint(new AuthOptions { SigningKey = SigningKey }, role, $"bench-{role.ToLowerInvariant()}", DateTimeOffset.UtcNow, TimeSpan.FromHours(4));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<AppHost> StartAsync(DevServices services, string prefix, IReadOnlyDictionary<string, string> settings)
    {
        // Built by this project's reference to it, in the same configuration.
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
        info.Environment["Auth__SigningKey"] = SigningKey;
        info.Environment["Hosting__Queues__MaxPollingInterval"] = "00:00:00.500";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the app.");
        var logPath = Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "app-logs")).FullName, prefix + ".log");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppHost(process, new Uri($"http://127.0.0.1:{port}/"), log, logPath);
        using var http = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before it was ready; see {logPath}.");
            }

            try
            {
                await http.GetAsync(new Uri(app.Api, "api/health"));
                return app;
            }
            catch (HttpRequestException) when (attempt < 1200)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>SIGTERM, as a platform stops an app: the host stops the Durable worker and its sidecar, which gives up its partitions.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _process.WaitForExitAsync();
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        lock (log)
        {
            if (line is not null && log.BaseStream is not null)
            {
                log.WriteLine(line);
            }
        }
    }
}
