using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Notifications.Infrastructure;

namespace Notifications.Functions.Configuration;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry through the worker's own integration (<c>UseFunctionsWorkerDefaults</c>: function invocations as
    /// spans under the host's trace context, the Functions resource attributes), plus HTTP requests and our own spans.
    /// Traces and logs go to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set.
    /// </summary>
    public static IServiceCollection AddNotificationsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(Telemetry.SourceName).AddAspNetCoreInstrumentation())
            .WithLogging();
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            telemetry.UseAzureMonitorExporter(o => o.ConnectionString = connectionString);
        }

        return services;
    }
}
