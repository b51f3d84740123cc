using System.Text.Json.Nodes;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Hosting;

/// <summary>The repository's host.json declares the custom handler the way contract §1.1 and §3 require.</summary>
public sealed class HostJsonTests
{
    private static readonly JsonObject HostJson = JsonNode.Parse(
        File.ReadAllText(Path.Combine(DevServices.RepositoryRoot(), "host.json")))!.AsObject();

    [Fact]
    public void CustomHandler_StartsTheAppAndForwardsHttp()
    {
        Assert.Equal("2.0", (string?)HostJson["version"]);
        var handler = HostJson["customHandler"]!;
        Assert.Equal("dotnet", (string?)handler["description"]!["defaultExecutablePath"]);
        Assert.Equal(["Notifications.Functions.dll"], handler["description"]!["arguments"]!.AsArray().Select(a => (string?)a));
        Assert.True((bool)handler["enableForwardingHttpRequest"]!);
        Assert.Equal("[4.*, 5.0.0)", (string?)HostJson["extensionBundle"]!["version"]);
        Assert.Equal("api", (string?)HostJson["extensions"]!["http"]!["routePrefix"]);
        Assert.NotNull((string?)HostJson["functionTimeout"]);
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
