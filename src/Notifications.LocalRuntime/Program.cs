using Notifications.Functions;

namespace Notifications.LocalRuntime;

/// <summary>
/// The local runtime: the Functions app's function classes, served without the Functions host (which cannot be installed
/// here) on <c>http://127.0.0.1:7071</c>, with queue listeners and timers against Azurite. Or a command-line verb.
/// </summary>
public sealed class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (await Cli.TryRunAsync(args) is { } exitCode)
        {
            return exitCode;
        }

        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddLocalSettings(Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json"));
        builder.Configuration.AddEnvironmentVariables();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:7071");
        }

        // The Durable backend's and the sidecar's own chatter: warnings and errors only (the Functions host does the same).
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning).AddFilter("Microsoft.DurableTask", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddNotifications(builder.Configuration);
        builder.AddLocalRuntime();

        var app = builder.Build();
        app.MapLocalRuntime();
        await app.RunAsync();
        return 0;
    }
}
