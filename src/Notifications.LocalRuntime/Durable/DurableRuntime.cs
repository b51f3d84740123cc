using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Options;

namespace Notifications.LocalRuntime.Durable;

/// <summary>
/// Runs the app's orchestrations and activities locally, when functions.metadata has any: the sidecar on Azurite, then
/// a Durable Task SDK worker connected to it over gRPC, in a host of its own whose activities run in this runtime's DI
/// scopes (so they get the app's services, as in the worker in Azure). The client (<c>DurableTaskClient</c>, what a
/// <c>[DurableClient]</c> parameter gets) is in this runtime's services, on the same sidecar.
/// </summary>
internal sealed class DurableRuntime(
    DurableSidecar sidecar,
    LocalFunctions functions,
    BoundFunctions bound,
    IServiceScopeFactory scopes,
    IOptions<DurableHostOptions> options,
    ILoggerFactory loggers) : IHostedService
{
    private IHost? _worker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!functions.All.Any(f => f.Trigger is OrchestrationTrigger or ActivityTrigger))
        {
            return;
        }

        await sidecar.StartAsync(cancellationToken);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(loggers);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(sidecar.Channel);
            worker.AddTasks(registry => DurableFunctions.Register(registry, functions, scopes, bound, loggers.CreateLogger(typeof(DurableFunctions))));
            worker.Configure(o =>
            {
                o.Concurrency.MaximumConcurrentActivityWorkItems = options.Value.MaxConcurrentActivities;
                o.Concurrency.MaximumConcurrentOrchestrationWorkItems = options.Value.MaxConcurrentOrchestrations;
            });
            if (options.Value.DefaultVersion is { Length: > 0 } version)
            {
                worker.UseVersioning(new DurableTaskWorkerOptions.VersioningOptions
                {
                    Version = version,
                    DefaultVersion = version,
                    MatchStrategy = options.Value.VersionMatchStrategy,
                    FailureStrategy = options.Value.VersionFailureStrategy,
                });
            }
        });
        _worker = builder.Build();
        await _worker.StartAsync(cancellationToken);
        await sidecar.WaitUntilRunningAsync(TimeSpan.FromSeconds(60), cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is not null)
        {
            await _worker.StopAsync(cancellationToken);
            _worker.Dispose();
        }

        await sidecar.StopAsync(cancellationToken);
    }
}
