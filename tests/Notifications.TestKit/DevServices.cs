using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Notifications.TestKit;

/// <summary>
/// Starts the real local services the integration tests run against: Azurite (Storage emulator) and maildev
/// (SMTP sink with a REST API), each on free loopback ports, from the repository's pinned node_modules.
/// When a service cannot start, construction throws: integration tests fail, they never skip.
/// </summary>
public sealed class DevServices : IAsyncDisposable
{
    // The well-known Azurite development account key (public, documented by Microsoft).
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly List<Process> _processes = [];

    private DevServices() { }

    public string StorageConnectionString { get; private set; } = "";
    public int SmtpPort { get; private set; }
    public Uri MailApi { get; private set; } = new("http://127.0.0.1");
    public Maildev Mail { get; private set; } = null!;

    public static async Task<DevServices> StartAsync(CancellationToken ct = default)
    {
        var services = new DevServices();
        try
        {
            await services.StartAzuriteAsync(ct);
            await services.StartMaildevAsync(ct);
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    private async Task StartAzuriteAsync(CancellationToken ct)
    {
        int blob = FreePort(), queue = FreePort(), table = FreePort();
        Start("azurite/dist/src/azurite.js",
            "--silent", "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", table.ToString());
        await WaitForPortsAsync("Azurite", ct, blob, queue, table);
        StorageConnectionString = AzuriteConnectionString(blob, queue, table);
    }

    private async Task StartMaildevAsync(CancellationToken ct)
    {
        int smtp = FreePort(), web = FreePort();
        Start("maildev/bin/maildev", "--silent", "--ip", "127.0.0.1", "--smtp", smtp.ToString(), "--web", web.ToString());
        await WaitForPortsAsync("maildev", ct, smtp, web);
        SmtpPort = smtp;
        MailApi = new Uri($"http://127.0.0.1:{web}/");
        Mail = new Maildev(MailApi);
    }

    public static string AzuriteConnectionString(int blobPort, int queuePort, int tablePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    private void Start(string script, params string[] args)
    {
        var path = Path.Combine(RepositoryRoot(), "node_modules", script);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"'{path}' is missing. Run the README test command (it runs 'npm ci') or 'npm ci' at the repository root.");
        }

        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start node {script}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private async Task WaitForPortsAsync(string name, CancellationToken ct, params int[] ports)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        foreach (var port in ports)
        {
            while (true)
            {
                if (_processes.Any(p => p.HasExited))
                {
                    throw new InvalidOperationException($"{name} exited before it listened on port {port}.");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
                    break;
                }
                catch (SocketException)
                {
                    await Task.Delay(100, timeout.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw new TimeoutException($"{name} did not listen on 127.0.0.1:{port} within 60 s.");
                }
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Notifications.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (Notifications.sln) above " + AppContext.BaseDirectory);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
        }

        _processes.Clear();
        return ValueTask.CompletedTask;
    }
}
