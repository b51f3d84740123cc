using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace Notifications.LocalRuntime.Durable;

/// <summary>
/// The local Durable backend (durable-functions.md §3): Durable Functions' Azure Storage provider
/// (<see cref="AzureStorageOrchestrationService"/>) on the runtime's storage account (Azurite), served over gRPC on a
/// loopback port by the Durable Task SDK's sidecar (<see cref="TaskHubGrpcServer"/>), which the runtime's SDK worker and
/// client connect to (<see cref="DurableRuntime"/> starts it before the worker and stops it after). Never deployed: in
/// Azure the Durable extension is the backend, on the same provider and the app's storage account.
/// </summary>
public sealed class DurableSidecar : IAsyncDisposable
{
    private readonly DurableHostOptions _options;
    private readonly IConfiguration _configuration;
    private readonly ILoggerFactory _loggers;
    private readonly int _port;
    private WebApplication? _server;

    public DurableSidecar(IOptions<DurableHostOptions> options, IConfiguration configuration, ILoggerFactory loggers)
    {
        _options = options.Value;
        _configuration = configuration;
        _loggers = loggers;
        _port = _options.SidecarPort > 0 ? _options.SidecarPort : FreePort();
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{_port}");
    }

    /// <summary>The channel to the sidecar; it connects on first use, once <see cref="StartAsync"/> has run.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The task hub on Azurite: <c>{hub}</c> queues, tables and lease blobs.</summary>
    public string TaskHub => _options.TaskHub(_configuration[LocalRuntime.NamePrefixSetting]);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = _configuration[LocalRuntime.ConnectionSetting] is { Length: > 0 } c
            ? c
            : throw new InvalidOperationException($"The local Durable backend needs the Storage connection string '{LocalRuntime.ConnectionSetting}'.");
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = TaskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(connection),
            PartitionCount = _options.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = _options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = _options.MaxConcurrentOrchestrations,
            WorkItemQueueVisibilityTimeout = _options.VisibilityTimeout,
            ControlQueueVisibilityTimeout = _options.VisibilityTimeout,
            MaxQueuePollingInterval = _options.MaxQueuePollingInterval,
            // One local worker: no app lease to wait for, and partitions leased through a table (quicker than blob leases).
            UseAppLease = false,
            UseTablePartitionManagement = true,
            LoggerFactory = _loggers,
        });
        await service.CreateIfNotExistsAsync();
        Log.DurableHubReady(_loggers.CreateLogger<DurableSidecar>(), TaskHub, _port);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton(_loggers);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, _port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        // The dispatcher asks the decorator for work; the client side (start, raise, query) talks to the provider.
        builder.Services.AddSingleton<IOrchestrationService>(
            new ActivityLockRenewal(service, _options.VisibilityTimeout, _loggers.CreateLogger<ActivityLockRenewal>()));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        _server = builder.Build();
        _server.MapGrpcService<TaskHubGrpcServer>();
        await _server.StartAsync(cancellationToken);
    }

    /// <summary>
    /// Waits until the provider runs (it starts once the worker has connected, and holds its partitions in
    /// <c>{hub}Partitions</c>). The sidecar stops the provider when it stops, which fails on one that never started, so
    /// the runtime is ready, and stoppable, only from then on.
    /// </summary>
    public async Task WaitUntilRunningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var partitions = new Azure.Data.Tables.TableClient(_configuration[LocalRuntime.ConnectionSetting], TaskHub + "Partitions");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (true)
            {
                await foreach (var partition in partitions.QueryAsync<Azure.Data.Tables.TableEntity>(cancellationToken: limit.Token))
                {
                    if (!string.IsNullOrEmpty(partition.GetString("CurrentOwner")))
                    {
                        return;
                    }
                }

                await Task.Delay(100, limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.DurableNotRunning(_loggers.CreateLogger<DurableSidecar>(), TaskHub, timeout);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
