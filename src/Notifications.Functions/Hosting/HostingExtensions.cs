namespace Notifications.Functions.Hosting;

/// <summary>Wires the app as an Azure Functions custom handler, and in <c>--local</c> mode as its own runtime.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddFunctionsHosting(this WebApplicationBuilder builder, string[] args)
    {
        var port = Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") ?? "7071";
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _ = args;
        foreach (var handler in FunctionCatalogue.All.Select(f => f switch
        {
            QueueFunction q => q.Handler,
            TimerFunction t => t.Handler,
            _ => null,
        }).OfType<Type>())
        {
            builder.Services.AddTransient(handler);
        }

        return builder;
    }

    public static WebApplication MapFunctionsHosting(this WebApplication app)
    {
        // The host's readiness probe: any response means ready; answer 200.
        app.MapGet("/", () => TypedResults.Ok(new { status = "ready" })).AllowAnonymous();
        return app;
    }
}
