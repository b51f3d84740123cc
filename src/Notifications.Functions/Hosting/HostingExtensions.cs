using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Notifications.Functions.Hosting.Local;

namespace Notifications.Functions.Hosting;

/// <summary>Wires the app as an Azure Functions custom handler, and in <c>--local</c> mode as its own runtime.</summary>
public static class HostingExtensions
{
    public const string LocalFlag = "--local";

    public static WebApplicationBuilder AddFunctionsHosting(this WebApplicationBuilder builder, string[] args)
    {
        if (args.Contains(LocalFlag, StringComparer.OrdinalIgnoreCase))
        {
            builder.Configuration.AddInMemoryCollection([new($"{HostingOptions.Section}:{nameof(HostingOptions.Local)}", "true")]);
        }

        builder.WebHost.UseUrls($"http://127.0.0.1:{Port()}");

        var services = builder.Services;
        services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.Section).ValidateOnStart();
        services.AddOptions<QueueRuntimeOptions>()
            .Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
            {
                var path = configuration[$"{HostingOptions.Section}:{nameof(HostingOptions.HostJsonPath)}"];
                HostJson.ApplyQueues(options, HostJson.Locate(path, environment.ContentRootPath));
                configuration.GetSection(QueueRuntimeOptions.Section).Bind(options);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new RegisteredFunctions(FunctionCatalogue.All));
        FunctionHandlers.Register(services, FunctionCatalogue.All);
        services.TryAddSingleton<FunctionDispatcher>();

        if (builder.Configuration.GetValue<bool>($"{HostingOptions.Section}:{nameof(HostingOptions.Local)}"))
        {
            services.AddHostedService<LocalRuntime>();
        }

        return builder;
    }

    /// <summary>Replaces the function list (default <see cref="FunctionCatalogue.All"/>) and registers its handlers.</summary>
    public static IServiceCollection UseFunctionCatalogue(this IServiceCollection services, IEnumerable<FunctionDefinition> functions)
    {
        var list = functions.ToList();
        services.RemoveAll<RegisteredFunctions>();
        services.AddSingleton(new RegisteredFunctions(list));
        FunctionHandlers.Register(services, list);
        return services;
    }

    public static WebApplication MapFunctionsHosting(this WebApplication app)
    {
        // The host's readiness probe: any response means ready; answer 200 with JSON.
        app.MapGet("/", () => TypedResults.Ok(new { status = "ready" })).AllowAnonymous().ExcludeFromDescription();
        app.MapInvocationEndpoint();
        return app;
    }

    /// <summary>The loopback port the Functions host chose (contract §1.2), or 7071 for local runs.</summary>
    public static int Port()
    {
        foreach (var name in new[] { "FUNCTIONS_CUSTOMHANDLER_PORT", "FUNCTIONS_HTTPWORKER_PORT" })
        {
            if (int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                return port;
            }
        }

        return 7071;
    }
}
