using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Notifications.LocalRuntime;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Hosting;

/// <summary>The local runtime's timers, on a fake clock, with their schedule status in real Azurite.</summary>
public sealed class LocalTimerRuntimeTests(DevServicesFixture fixture)
{
    private static readonly DateTimeOffset Start = new(2026, 6, 13, 6, 1, 30, TimeSpan.Zero);
    private readonly string _prefix = Names.Unique("t") + "-";

    [Fact]
    public async Task Timer_FiresOnItsSchedule_NotPastDue()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = await StartAsync(clock, "Sweep");

        // Every five minutes: nothing is due before 06:05:00; step the clock until the runner has fired.
        await Eventually.HoldsAsync(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            return !app.Log.Timer.IsEmpty;
        }, "the timer fired");

        Assert.True(clock.GetUtcNow() >= new DateTimeOffset(2026, 6, 13, 6, 5, 0, TimeSpan.Zero));
        var (function, timer) = app.Log.Timer.First();
        Assert.Equal(("Sweep", false), (function, timer.IsPastDue));
        Assert.Equal(new DateTime(2026, 6, 13, 6, 10, 0, DateTimeKind.Utc), timer.ScheduleStatus!.Next);
    }

    [Fact]
    public async Task RunOnStartup_FiresOnceAtStart()
    {
        await using var app = await StartAsync(new FakeTimeProvider(Start), "Warmup");

        await Eventually.HoldsAsync(() => !app.Log.Timer.IsEmpty, "the timer fired at start");

        var (function, timer) = Assert.Single(app.Log.Timer);
        Assert.Equal(("Warmup", false), (function, timer.IsPastDue));
    }

    [Fact]
    public async Task OccurrenceMissedWhileStopped_FiresOnceAtStart_PastDue()
    {
        var clock = new FakeTimeProvider(Start);
        var status = new BlobContainerClient(fixture.Services.StorageConnectionString, "azure-webjobs-hosts")
            .GetBlobClient($"timers/local{_prefix}/Sweep/status");
        await using (await StartAsync(clock, "Sweep"))
        {
            // The first run records the next occurrence, 06:05.
            await Eventually.HoldsAsync(async () => await status.ExistsAsync(TestContext.Current.CancellationToken), "the schedule status was recorded");
        }

        clock.Advance(TimeSpan.FromMinutes(20));                   // down from 06:01:30 to 06:21:30

        await using var app = await StartAsync(clock, "Sweep");

        await Eventually.HoldsAsync(() => !app.Log.Timer.IsEmpty, "the missed occurrence ran");
        var (_, timer) = Assert.Single(app.Log.Timer);
        Assert.True(timer.IsPastDue);
        Assert.Equal(new DateTime(2026, 6, 13, 6, 5, 0, DateTimeKind.Utc), timer.ScheduleStatus!.Last);
        Assert.Equal(new DateTime(2026, 6, 13, 6, 25, 0, DateTimeKind.Utc), timer.ScheduleStatus.Next);
        await Eventually.HoldsAsync(async () =>
            (await status.DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToString().Contains("2026-06-13T06:25:00", StringComparison.Ordinal),
            "the status records the next occurrence");
    }

    [Fact]
    public async Task QueueOptions_ComeFromHostJsonWithConfigurationOverrides()
    {
        await using var app = await TestApp.StartAsync([], new Dictionary<string, string?> { ["Hosting:Queues:MaxDequeueCount"] = "3" });

        var options = app.App.Services.GetRequiredService<IOptions<QueueRuntimeOptions>>().Value;

        Assert.Equal(16, options.BatchSize); // host.json
        Assert.Equal(8, options.NewBatchThreshold);
        Assert.Equal(TimeSpan.FromSeconds(2), options.MaxPollingInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), options.VisibilityTimeout);
        Assert.Equal("none", options.MessageEncoding);
        Assert.Equal(3, options.MaxDequeueCount); // override
    }

    private Task<TestApp> StartAsync(FakeTimeProvider clock, string function) => TestApp.StartAsync(
        [function],
        new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = fixture.Services.StorageConnectionString,
            ["Storage:NamePrefix"] = _prefix,
        },
        services => services.AddSingleton<TimeProvider>(clock));
}
