using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Notifications.Functions.Hosting;

namespace Notifications.Functions.Tests.Hosting;

/// <summary>The local runtime's timers, on a fake clock.</summary>
public sealed class LocalTimerRuntimeTests
{
    [Fact]
    public async Task Timer_FiresOnItsSchedule()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 13, 6, 1, 30, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(
            [TestCatalogue.Sweep],
            new Dictionary<string, string?> { ["Hosting:Local"] = "true" },
            services => services.AddSingleton<TimeProvider>(clock));

        Assert.Empty(app.Log.Timer);
        // Every five minutes: nothing is due before 06:05:00; step the clock until the runner has fired.
        await Eventually.HoldsAsync(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            return !app.Log.Timer.IsEmpty;
        }, "the timer fired");

        Assert.True(clock.GetUtcNow() >= new DateTimeOffset(2026, 6, 13, 6, 5, 0, TimeSpan.Zero));
        Assert.Equal("Sweep", app.Log.Timer.First().FunctionName);
    }

    [Fact]
    public async Task QueueOptions_ComeFromHostJsonWithConfigurationOverrides()
    {
        await using var app = await TestApp.StartAsync(
            [], new Dictionary<string, string?> { ["Hosting:Queues:MaxDequeueCount"] = "3" });

        var options = app.App.Services.GetRequiredService<IOptions<QueueRuntimeOptions>>().Value;

        Assert.Equal(16, options.BatchSize); // host.json
        Assert.Equal(8, options.NewBatchThreshold);
        Assert.Equal(TimeSpan.FromSeconds(2), options.MaxPollingInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), options.VisibilityTimeout);
        Assert.Equal("none", options.MessageEncoding);
        Assert.Equal(3, options.MaxDequeueCount); // override
    }
}
