using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
            .Configure<IOptions<HostingOptions>, IHostEnvironment>((options, hosting, environment) =>
            {
                HostJson.ApplyQueues(options, HostJson.Locate(hosting.Value.HostJsonPath, environment.ContentRootPath));
                builder.Configuration.GetSection(QueueRuntimeOptions.Section).Bind(options);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // As the worker's ASP.NET Core integration does, so an IActionResult executes the same way.
        services.AddMvc();
        services.AddSingleton<LocalFunctions>();
        services.AddSingleton<BoundFunctions>();
        services.AddHostedService<LocalRuntime>();

        // The largest body a function takes (the recipients import); each function enforces its own limit below it.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Notifications.Functions.Recipients.ImportRecipients.MaxBytes);
        return builder;
    }

    /// <summary>Maps every HTTP function of functions.metadata under host.json's route prefix.</summary>
    public static WebApplication MapLocalRuntime(this WebApplication app)
    {
        var hosting = app.Services.GetRequiredService<IOptions<HostingOptions>>().Value;
        var prefix = HostJson.RoutePrefix(HostJson.Locate(hosting.HostJsonPath, app.Environment.ContentRootPath));
        HttpFunctions.Map(app, app.Services.GetRequiredService<LocalFunctions>().All, prefix, app.Services.GetRequiredService<BoundFunctions>());
        return app;
    }
}
