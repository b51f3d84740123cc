using Microsoft.Extensions.DependencyInjection;
using Notifications.Domain.Incidents;
using Notifications.Functions.Workflow;
using Notifications.Infrastructure.Storage;
using Notifications.Infrastructure.Workflow;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Workflow;

public sealed class HandleIncidentEventTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TimerDueBeyondSevenDays_IsReArmedUntilDue_ThenFires()
    {
        await using var app = new AppFactory(fixture.Services);
        var engine = app.Services.GetRequiredService<WorkflowEngine>();
        var store = app.Services.GetRequiredService<IncidentStore>();
        var now = app.Clock.GetUtcNow();
        await engine.HandleAsync("inc-long", TestIncidents.Reported(now), new Actor("officer", "PrivacyOfficer"), _ct);
        var queue = await app.Services.GetRequiredService<StorageClients>().QueueAsync(StorageNames.IncidentEventsQueue);
        await queue.ClearMessagesAsync(_ct);
        var dueAt = now.AddDays(10);
        var message = new EventMessage(EventMessage.CurrentSchema, "inc-long",
            new TimerFired("g1-after-3", TimerKind.Reminder, dueAt) { EventId = "timer-fired:g1-after-3" }, null).ToJson();
        using var scope = app.Services.CreateScope();
        var handler = ActivatorUtilities.CreateInstance<HandleIncidentEvent>(scope.ServiceProvider);

        await handler.Run(message, _ct);

        // Re-armed: back on the queue, invisible for the longest allowed delay, and the incident untouched.
        var properties = (await queue.GetPropertiesAsync(_ct)).Value;
        Assert.Equal(1, properties.ApproximateMessagesCount);
        Assert.Empty((await queue.ReceiveMessagesAsync(1, cancellationToken: _ct)).Value);
        Assert.DoesNotContain(await store.HistoryAsync("inc-long", _ct), h => h.Event is ReminderDue);

        // Ten days later the re-armed message arrives again and is due: the reminder fires.
        app.Clock.Advance(TimeSpan.FromDays(10));
        await handler.Run(message, _ct);

        Assert.Single(await store.HistoryAsync("inc-long", _ct), h => h.Event is ReminderDue { ReminderId: "g1-after-3" });
    }

    [Fact]
    public void MessageWithPersonalInformationEvent_CannotBeQueued()
    {
        var reported = TestIncidents.Reported(DateTimeOffset.UnixEpoch);

        Assert.Throws<InvalidOperationException>(() => new EventMessage(1, "inc", reported, null).ToJson());
    }
}
