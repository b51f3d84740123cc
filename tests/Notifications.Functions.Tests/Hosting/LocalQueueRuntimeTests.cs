using Azure.Storage.Queues;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Hosting;

/// <summary>The local runtime's queue listeners against real Azurite.</summary>
public sealed class LocalQueueRuntimeTests(DevServicesFixture fixture)
{
    // As host.json says (messageEncoding none): the text is the message, as Event Grid and StorageClients write it.
    private static readonly QueueClientOptions Plain = new() { MessageEncoding = QueueMessageEncoding.None };

    private readonly string _connection = fixture.Services.StorageConnectionString;
    private readonly string _prefix = Names.Unique("h") + "-";

    [Fact]
    public async Task Message_IsDeliveredWithItsExactTextAndThenDeleted()
    {
        const string text = """{"id":1,"note":"Zoë said \"hi\" \\ ok"}""";
        await using var app = await StartAsync("Intake");
        var queue = Queue("intake");
        await queue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);

        await queue.SendMessageAsync(text, TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(() => !app.Log.Queue.IsEmpty, "the handler received the message");
        var invocation = Assert.Single(app.Log.Queue);
        Assert.Equal(text, invocation.MessageText);
        Assert.Equal(1, invocation.DequeueCount);
        Assert.False(string.IsNullOrEmpty(invocation.MessageId));
        await Eventually.HoldsAsync(async () => await CountAsync(queue) == 0, "the message was deleted");
        Assert.Single(app.Log.Queue);
    }

    [Fact]
    public async Task FailingMessage_MovesToPoisonAfterMaxDequeueCount()
    {
        const string text = """{"id":2}""";
        await using var app = await StartAsync("Broken");
        var queue = Queue("broken");
        var poison = Queue("broken-poison");
        await queue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);

        await queue.SendMessageAsync(text, TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(async () => await CountAsync(poison) == 1, "the message reached the poison queue");
        var poisoned = await poison.PeekMessageAsync(TestContext.Current.CancellationToken);
        Assert.Equal(text, poisoned.Value.Body.ToString());
        await Eventually.HoldsAsync(async () => await CountAsync(queue) == 0, "the message left the queue");
        Assert.Equal([1L, 2L, 3L], app.Log.Queue.Select(i => i.DequeueCount).Order());
    }

    [Fact]
    public async Task Base64Encoding_MessageThatIsNotBase64_MovesToPoisonUnchanged()
    {
        const string text = "not base64: {\"id\":3}";
        await using var app = await StartAsync("Intake", ("Hosting:Queues:MessageEncoding", "base64"));
        var raw = new QueueClient(_connection, _prefix + "intake");
        var poison = new QueueClient(_connection, _prefix + "intake-poison");
        await raw.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);

        await raw.SendMessageAsync(text, TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(async () => await CountAsync(poison) == 1, "the message reached the poison queue");
        Assert.Equal(text, (await poison.PeekMessageAsync(TestContext.Current.CancellationToken)).Value.Body.ToString());
        await Eventually.HoldsAsync(async () => await CountAsync(raw) == 0, "the message left the queue");
        Assert.Empty(app.Log.Queue);
    }

    [Fact]
    public async Task Shutdown_CancelsTheHandlerAndReleasesItsMessage()
    {
        var app = await StartAsync("Stuck");
        var queue = Queue("stuck");
        await using (app)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
            await queue.SendMessageAsync("""{"id":4}""", TestContext.Current.CancellationToken);
            await Eventually.HoldsAsync(() => !app.Log.Queue.IsEmpty, "the handler started");

            await app.App.StopAsync(TestContext.Current.CancellationToken);
        }

        // Released at once rather than held behind its processing lease.
        var visible = await queue.PeekMessageAsync(TestContext.Current.CancellationToken);
        Assert.Equal("""{"id":4}""", visible.Value?.Body.ToString());
    }

    [Fact]
    public async Task Listener_CreatesTheQueueAndItsPoisonQueue()
    {
        await using var app = await StartAsync("Intake");

        await Eventually.HoldsAsync(
            async () => await Queue("intake").ExistsAsync(TestContext.Current.CancellationToken)
                && await Queue("intake-poison").ExistsAsync(TestContext.Current.CancellationToken),
            "both queues exist");
    }

    private Task<TestApp> StartAsync(string function, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = _connection,
            ["Storage:NamePrefix"] = _prefix,
            ["Hosting:Queues:VisibilityTimeout"] = "00:00:00",
            ["Hosting:Queues:MaxDequeueCount"] = "3",
            ["Hosting:Queues:MaxPollingInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return TestApp.StartAsync([function], settings);
    }

    private QueueClient Queue(string name) => new(_connection, _prefix + name, Plain);

    private static async Task<int> CountAsync(QueueClient queue) =>
        await queue.ExistsAsync(TestContext.Current.CancellationToken)
            ? (await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount
            : 0;
}
