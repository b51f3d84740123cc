using System.Net;
using System.Text.Json;

namespace Notifications.Functions.Tests.Hosting;

/// <summary>Host-shaped payloads (Golden/) posted to <c>/{FunctionName}</c>, judged like the host judges the answer.</summary>
public sealed class GoldenEnvelopeTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(TestCatalogue.All);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("queue-string.json", "aaaaa", 1, "a0004923-f050-417a-9742-6d7c7b984134")]
    [InlineData("queue-json-double-encoded.json", """{"id":1}""", 2, "5b0c3c1e-6f55-4a4c-9d0e-0f6d3c1d2a77")]
    [InlineData("queue-json-single-encoded-docs.json", """{"id":1}""", 3, "5b0c3c1e-6f55-4a4c-9d0e-0f6d3c1d2a77")]
    [InlineData("queue-json-object.json", """{ "id": 1 }""", 1, "5b0c3c1e-6f55-4a4c-9d0e-0f6d3c1d2a77")]
    public async Task QueueEnvelope_IsUnwrappedAndAnsweredPerContract(string golden, string text, long dequeueCount, string id)
    {
        var outcome = await _app.Host.InvokeGoldenAsync("Intake", golden);

        AssertSucceeded(outcome);
        var invocation = Assert.Single(_app.Log.Queue);
        Assert.Equal(text, invocation.MessageText);
        Assert.Equal(dequeueCount, invocation.DequeueCount);
        Assert.Equal(id, invocation.MessageId);
        Assert.Equal("Intake", invocation.FunctionName);
    }

    [Fact]
    public async Task QueueEnvelope_DoubleEncodedJson_ParsesAsThePayload()
    {
        await _app.Host.InvokeGoldenAsync("intake", "queue-json-double-encoded.json");

        using var payload = JsonDocument.Parse(Assert.Single(_app.Log.Queue).MessageText);
        Assert.Equal(1, payload.RootElement.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task QueueEnvelope_InvocationIdHeader_ReachesTheHandler()
    {
        var id = Guid.NewGuid().ToString();
        var envelope = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Golden", "queue-string.json"),
            TestContext.Current.CancellationToken);

        await _app.Host.InvokeAsync("Intake", envelope, id);

        Assert.Equal(id, Assert.Single(_app.Log.Queue).InvocationId);
    }

    [Theory]
    [InlineData("timer-status-null.json", false)]
    [InlineData("timer-status-object.json", true)]
    public async Task TimerEnvelope_IsAnsweredPerContract(string golden, bool isPastDue)
    {
        var outcome = await _app.Host.InvokeGoldenAsync("Sweep", golden);

        AssertSucceeded(outcome);
        var invocation = Assert.Single(_app.Log.Timer);
        Assert.Equal(isPastDue, invocation.IsPastDue);
    }

    [Fact]
    public async Task HandlerThatThrows_FailsTheInvocationWithJson()
    {
        var outcome = await _app.Host.InvokeGoldenAsync("Broken", "queue-string.json");

        Assert.False(outcome.Succeeded);
        Assert.Equal(HttpStatusCode.InternalServerError, outcome.Status);
        AssertJsonObject(outcome);
        Assert.DoesNotContain("aaaaa", outcome.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("malformed-truncated.json")]
    [InlineData("malformed-no-data.json")]
    [InlineData("malformed-wrong-shape.json")]
    [InlineData("timer-status-null.json")]
    public async Task MalformedEnvelope_IsBadRequestWithJson(string golden)
    {
        var outcome = await _app.Host.InvokeGoldenAsync("Intake", golden);

        Assert.False(outcome.Succeeded);
        Assert.Equal(HttpStatusCode.BadRequest, outcome.Status);
        AssertJsonObject(outcome);
        Assert.Empty(_app.Log.Queue);
    }

    [Theory]
    [InlineData("NoSuchFunction")]
    [InlineData("GetThing")] // HTTP functions are forwarded to /api, never invoked with an envelope.
    public async Task UnknownFunction_IsNotFoundWithJson(string name)
    {
        var outcome = await _app.Host.InvokeGoldenAsync(name, "queue-string.json");

        Assert.False(outcome.Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, outcome.Status);
        AssertJsonObject(outcome);
    }

    [Fact]
    public async Task Root_AnswersReadinessWithJson()
    {
        using var response = await _app.Client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    private static void AssertSucceeded(HostOutcome outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Failure + ": " + outcome.Body);
        Assert.Equal(HttpStatusCode.OK, outcome.Status);
        Assert.Equal("application/json", outcome.MediaType);
        using var body = JsonDocument.Parse(outcome.Body);
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("Logs").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("ReturnValue").ValueKind);
    }

    private static void AssertJsonObject(HostOutcome outcome)
    {
        Assert.False(string.IsNullOrWhiteSpace(outcome.Body));
        Assert.EndsWith("json", outcome.MediaType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(outcome.Body);
        Assert.Equal(JsonValueKind.Object, body.RootElement.ValueKind);
    }
}
