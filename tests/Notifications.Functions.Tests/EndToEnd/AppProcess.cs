using System.Diagnostics;
using System.Net.Http.Headers;
using Notifications.Functions.Access;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.EndToEnd;

/// <summary>The built local runtime with the app's functions, started as its own process against the test's services.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private readonly OutputLog _log;

    private AppProcess(Process process, Uri api, OutputLog log)
    {
        _process = process;
        _log = log;
        Api = api;
    }

    public Uri Api { get; }

    /// <summary>An HTTP client for the app with a local token for <paramref name="role"/> (as <see cref="AppFactory.ClientAs"/>).</summary>
    public HttpClient ClientAs(string role)
    {
        var client = new HttpClient { BaseAddress = Api };
        var token = LocalTokens.Mint(new AuthOptions { SigningKey = AppFactory.SigningKey }, role, $"test-{role.ToLowerInvariant()}", DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<AppProcess> StartAsync(DevServices services, string prefix, CancellationToken ct,
        IReadOnlyDictionary<string, string?>? settings = null)
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
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the app.");
        // The app's output goes to app-logs/{prefix}.log beside the test assembly, appended across restarts.
        var log = new OutputLog(Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "app-logs")).FullName, prefix + ".log"));
        process.OutputDataReceived += (_, e) => log.Write(e.Data);
        process.ErrorDataReceived += (_, e) => log.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"), log);
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

    /// <summary><c>kill -9</c>: the process gets no chance to finish anything.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true); // SIGKILL on Linux
            _process.WaitForExit(10_000);
        }
    }

    private bool _disposed;

    public ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return ValueTask.CompletedTask;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.WaitForExit(); // the output read to its end
        _process.Dispose();
        _log.Dispose();

        return ValueTask.CompletedTask;
    }

    private sealed class OutputLog(string path) : IDisposable
    {
        private readonly StreamWriter _writer = new(path, append: true) { AutoFlush = true };
        private bool _closed;

        public void Write(string? line)
        {
            lock (_writer)
            {
                if (line is not null && !_closed)
                {
                    _writer.WriteLine(line);
                }
            }
        }

        public void Dispose()
        {
            lock (_writer)
            {
                _closed = true;
                _writer.Dispose();
            }
        }
    }
}
