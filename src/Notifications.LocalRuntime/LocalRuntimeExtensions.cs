using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Notifications.LocalRuntime.Durable;

namespace Notifications.LocalRuntime;

/// <summary>Wires the local runtime around the app's own services (<c>AddNotifications</c>).</summary>
public static class LocalRuntimeExtensions
{
    public const string RunTriggersSetting = HostingOptions.Section + ":" + nameof(HostingOptions.RunTriggers);

    public static WebApplicationBuilder AddLocalRuntime(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.Section);
        services.AddOptions<QueueRuntimeOptions>()
            .Configure<IOptions<HostingOptions>, IHostEnvironment, IConfiguration>((options, hosting, environment, configuration) =>
            {
                HostJson.ApplyQueues(options, HostJson.Locate(hosting.Value.HostJsonPath, environment.ContentRootPath));
                configuration.GetSection(QueueRuntimeOptions.Section).Bind(options);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // As the worker's ASP.NET Core integration does, so an IActionResult executes the same way.
        services.AddMvc();
        services.AddSingleton<LocalFunctions>();
        services.AddSingleton<BoundFunctions>();
        services.AddOptions<DurableHostOptions>()
            .Configure<IOptions<HostingOptions>, IHostEnvironment, IConfiguration>((options, hosting, environment, configuration) =>
            {
                HostJson.ApplyDurable(options, HostJson.Locate(hosting.Value.HostJsonPath, environment.ContentRootPath));
                configuration.GetSection(DurableHostOptions.Section).Bind(options);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Durable first: its backend is up before the queue listeners (which may raise events) start, and down after they stop.
        services.AddSingleton<DurableSidecar>();
        services.AddHostedService<DurableRuntime>();
        services.AddDurableTaskClient(client => client.UseGrpc(_ => { }));
        // New instances start with host.json defaultVersion, as the extension's client starts them in Azure.
        services.AddOptions<GrpcDurableTaskClientOptions>(Options.DefaultName).Configure<DurableSidecar, IOptions<DurableHostOptions>>((o, sidecar, durable) =>
        {
            o.Channel = sidecar.Channel;
            o.DefaultVersion = durable.Value.DefaultVersion ?? string.Empty;
        });
        services.AddHostedService<LocalRuntime>();

        // The largest body a function takes (the recipients import); each function enforces its own limit below it.
        // An Idempotency-Key's bytes are read as Latin-1, which takes any byte: one that is not UTF-8 reaches the app, which
        // answers what a key may contain (HttpEdge.CheckHeaders), instead of Kestrel's empty 400.
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = Notifications.Functions.Recipients.ImportRecipients.MaxBytes;
            k.RequestHeaderEncodingSelector = name =>
                name.Equals("Idempotency-Key", StringComparison.OrdinalIgnoreCase) ? System.Text.Encoding.Latin1 : null;
        });
        return builder;
    }

    /// <summary>Maps every HTTP function of functions.metadata under host.json's route prefix.</summary>
    public static WebApplication MapLocalRuntime(this WebApplication app)
    {
        // A route no function serves (404) or a method it does not take (405) is answered with problem details too.
        app.UseStatusCodePages();
        var hosting = app.Services.GetRequiredService<IOptions<HostingOptions>>().Value;
        var prefix = HostJson.RoutePrefix(HostJson.Locate(hosting.HostJsonPath, app.Environment.ContentRootPath));
        HttpFunctions.Map(app, app.Services.GetRequiredService<LocalFunctions>().All, prefix, app.Services.GetRequiredService<BoundFunctions>());
        return app;
    }
}
