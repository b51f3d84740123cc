using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Trace;
using Notifications.Infrastructure;

namespace Notifications.Functions.Configuration;

public static class TelemetryExtensions
{
    /// <summary>Traces of HTTP requests and of our own spans; exported to Application Insights when it is configured.</summary>
    public static IServiceCollection AddNotificationsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        services.AddOpenTelemetry().WithTracing(tracing =>
        {
            tracing.AddSource(Telemetry.SourceName).AddAspNetCoreInstrumentation();
            if (!string.IsNullOrWhiteSpace(connectionString))
            {
                tracing.AddAzureMonitorTraceExporter(o => o.ConnectionString = connectionString);
            }
        });
        return services;
    }
}
