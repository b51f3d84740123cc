using Azure.Storage.Queues;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Notifications.LocalRuntime.Durable;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Hosting;

/// <summary>The local runtime's Durable backend (the sidecar on Azurite) on its own, running <see cref="TestFunctions"/>.</summary>
public sealed class LocalDurableRuntimeTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Activity_RunningThreeTimesItsVisibilityTimeout_RunsOnce_AndItsMessageIsDeleted()
    {
        await using var app = await TestApp.StartAsync(["Slowly", "Slow"], new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = fixture.Services.StorageConnectionString,
            ["Storage:NamePrefix"] = Names.Unique("lock"),
            ["Hosting:Durable:VisibilityTimeout"] = "00:00:05",
        });
        var client = app.App.Services.GetRequiredService<DurableTaskClient>();
        var workItems = new QueueClient(fixture.Services.StorageConnectionString,
            app.App.Services.GetRequiredService<DurableSidecar>().TaskHub.ToLowerInvariant() + "-workitems");

        var id = await client.ScheduleNewOrchestrationInstanceAsync("Slowly", 15, _ct);
        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, _ct);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(15, done.ReadOutputAs<int>());
        // Unrenewed, the message came back after 5 s, and the first run's result could not delete it: it stayed
        // queued until a second run had slept its 15 s too.
        await Eventually.HoldsAsync(async () => (await workItems.GetPropertiesAsync(_ct)).Value.ApproximateMessagesCount == 0,
            "The activity's work item was never deleted.");
        Assert.Single(app.Log.Activity);
    }

    [Fact]
    public async Task Activity_ThatFails_IsLoggedWithItsInstance_AndNotWithItsMessage()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await TestApp.StartAsync(["Failingly", "Failing"], new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = fixture.Services.StorageConnectionString,
            ["Storage:NamePrefix"] = Names.Unique("fail"),
        }, s => s.AddSingleton<ILoggerProvider>(logs));
        var client = app.App.Services.GetRequiredService<DurableTaskClient>();

        var id = await client.ScheduleNewOrchestrationInstanceAsync("Failingly", cancellation: _ct);
        var done = await client.WaitForInstanceCompletionAsync(id, _ct);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Single(logs.Entries, e => e.Contains($"Error: Local runtime: activity Failing of instance {id} failed with InvalidOperationException.", StringComparison.Ordinal));
        // The exception's message quotes an address: it may reach the orchestration's status, never a log.
        Assert.DoesNotContain(logs.Entries, e => e.Contains("jane.doe", StringComparison.Ordinal));
    }
}
