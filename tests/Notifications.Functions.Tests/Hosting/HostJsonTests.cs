using System.Text.Json.Nodes;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Hosting;

/// <summary>The repository's host.json is an isolated-worker app's: no custom handler, no extension bundle.</summary>
public sealed class HostJsonTests
{
    private static readonly JsonObject HostJson = JsonNode.Parse(
        File.ReadAllText(Path.Combine(DevServices.RepositoryRoot(), "host.json")))!.AsObject();

    [Fact]
    public void IsolatedWorker_NeedsNoCustomHandlerOrBundle()
    {
        Assert.Equal("2.0", (string?)HostJson["version"]);
        // The worker SDK builds the host-side extensions (extensions.json, .azurefunctions/); a bundle would be a second source.
        Assert.Null(HostJson["customHandler"]);
        Assert.Null(HostJson["extensionBundle"]);
        // Empty: the API's routes carry api/ themselves, so the dashboard can be served at the root.
        Assert.Equal("", (string?)HostJson["extensions"]!["http"]!["routePrefix"]);
        Assert.NotNull((string?)HostJson["functionTimeout"]);
    }

    [Fact]
    public void Telemetry_IsOpenTelemetry_FromHostThroughDurableToTheWorker()
    {
        // The host emits OpenTelemetry, so its invocation spans parent the worker's (UseFunctionsWorkerDefaults), and
        // Durable's own distributed tracing puts orchestrations and activities in the caller's trace.
        Assert.Equal("OpenTelemetry", (string?)HostJson["telemetryMode"]);
        var tracing = HostJson["extensions"]!["durableTask"]!["tracing"]!;
        Assert.True((bool)tracing["distributedTracingEnabled"]!);
        Assert.Equal("V2", (string?)tracing["version"]);
    }

    [Fact]
    public void Queues_UsePlainTextAndBoundedRetries()
    {
        var queues = HostJson["extensions"]!["queues"]!;
        // Event Grid writes delivery reports as plain text and the setting is app-wide (ADR 0007).
        Assert.Equal("none", (string?)queues["messageEncoding"]);
        Assert.InRange((int)queues["batchSize"]!, 1, 32);
        Assert.InRange((int)queues["maxDequeueCount"]!, 1, 10);
        Assert.True(TimeSpan.TryParse((string?)queues["visibilityTimeout"], System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.True(TimeSpan.TryParse((string?)queues["maxPollingInterval"], System.Globalization.CultureInfo.InvariantCulture, out _));
    }
}
