using Microsoft.Extensions.DependencyInjection;
using Notifications.Domain.Incidents;
using Notifications.Functions.Hosting;
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
        await engine.HandleAsync("inc-long", new IncidentReported(
            new IncidentReport("Ministry of Examples", "t", "d", null, now, new ReporterContact("n", "n@example.test", null), false), "h")
            { EventId = "reported" }, new Actor("officer", "PrivacyOfficer"), _ct);
        var queue = await app.Services.GetRequiredService<StorageClients>().QueueAsync(StorageNames.IncidentEventsQueue);
        await queue.ClearMessagesAsync(_ct);
        var dueAt = now.AddDays(10);
        var message = new EventMessage(EventMessage.CurrentSchema, "inc-long",
            new TimerFired("reminder-9", TimerKind.Reminder, dueAt) { EventId = "timer-fired:reminder-9" }, null).ToJson();
        using var scope = app.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<HandleIncidentEvent>();

        await handler.RunAsync(new QueueInvocation("HandleIncidentEvent", message, 1, "m1", null), _ct);

        // Re-armed: back on the queue, invisible for the longest allowed delay, and the incident untouched.
        var properties = (await queue.GetPropertiesAsync(_ct)).Value;
        Assert.Equal(1, properties.ApproximateMessagesCount);
        Assert.Empty((await queue.ReceiveMessagesAsync(1, cancellationToken: _ct)).Value);
        Assert.DoesNotContain(await store.HistoryAsync("inc-long", _ct), h => h.Event is ReminderDue);

        // Ten days later the re-armed message arrives again and is due: the reminder fires.
        app.Clock.Advance(TimeSpan.FromDays(10));
        await handler.RunAsync(new QueueInvocation("HandleIncidentEvent", message, 1, "m2", null), _ct);

        Assert.Single(await store.HistoryAsync("inc-long", _ct), h => h.Event is ReminderDue { ReminderId: "reminder-9" });
    }

    [Fact]
    public void MessageWithPersonalInformationEvent_CannotBeQueued()
    {
        var reported = new IncidentReported(
            new IncidentReport("b", "t", "d", null, DateTimeOffset.UnixEpoch, new ReporterContact("n", "n@example.test", null), false), "h")
            { EventId = "reported" };

        Assert.Throws<InvalidOperationException>(() => new EventMessage(1, "inc", reported, null).ToJson());
    }
}
