using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.EndToEnd;

/// <summary>
/// The built isolated worker (<c>dotnet Notifications.Functions.dll</c>, as the Functions host starts it): its settings
/// are validated at start-up, before it calls the host, and with valid settings it gets as far as calling the host.
/// </summary>
public sealed class WorkerProcessTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task InvalidSetting_StopsTheWorkerAtStart_NamingTheSetting()
    {
        var settings = SampleSettings();
        settings["Auth__SigningKey"] = "too-short";
        using var listener = Listen(out var endpoint);

        var (exitCode, output) = await RunAsync(settings, endpoint, TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Auth:Authority", output, StringComparison.Ordinal);
        Assert.False(listener.Pending(), "The worker called the host although a setting was invalid.");
    }

    [Fact]
    public async Task SampleSettings_StartTheWorker_WhichThenCallsTheHost()
    {
        using var listener = Listen(out var endpoint);
        using var worker = Start(SampleSettings(), endpoint);
        worker.OutputDataReceived += (_, _) => { };
        worker.ErrorDataReceived += (_, _) => { };
        worker.BeginOutputReadLine();
        worker.BeginErrorReadLine();
        try
        {
            using var accepted = await listener.AcceptTcpClientAsync(_ct).AsTask().WaitAsync(TimeSpan.FromSeconds(60), _ct);

            Assert.True(accepted.Connected);
            Assert.False(worker.HasExited);
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The settings of local.settings.sample.json, as app settings (environment variables).</summary>
    private static Dictionary<string, string> SampleSettings()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(DevServices.RepositoryRoot(), "local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }

    private static TcpListener Listen(out string endpoint)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        endpoint = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        return listener;
    }

    private static Process Start(Dictionary<string, string> settings, string hostEndpoint)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var appDir = Path.Combine(DevServices.RepositoryRoot(), "src", "Notifications.Functions", "bin", configuration, "net10.0");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = appDir, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(appDir, "Notifications.Functions.dll"));
        info.Environment.Clear();
        info.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        info.Environment["HOME"] = Environment.GetEnvironmentVariable("HOME");
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        // What the Functions host passes to the worker it starts.
        info.Environment["Functions__Worker__HostEndpoint"] = hostEndpoint;
        info.Environment["Functions__Worker__WorkerId"] = Guid.NewGuid().ToString();
        info.Environment["Functions__Worker__RequestId"] = Guid.NewGuid().ToString();
        info.Environment["Functions__Worker__GrpcMaxMessageLength"] = "2147483647";
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start the worker.");
    }

    private async Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string> settings, string hostEndpoint, TimeSpan timeout)
    {
        using var process = Start(settings, hostEndpoint);
        var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(_ct), process.StandardError.ReadToEndAsync(_ct));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        cts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The worker did not stop on an invalid setting.");
        }

        return (process.ExitCode, string.Concat(await output));
    }
}
