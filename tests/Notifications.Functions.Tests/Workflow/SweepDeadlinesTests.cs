using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Functions.Access;
using Notifications.Functions.Reminders;
using Notifications.Functions.Tests.Incidents;
using Notifications.Functions.Workflow;
using Notifications.Infrastructure.Storage;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Workflow;

/// <summary>Deadlines on a fake clock: every reminder timer is lost, and the sweep still reminds once per day overdue.</summary>
public sealed class SweepDeadlinesTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task LostTimers_AfterTheDeadline_SweepRemindsOnce_AndStopsWhenNoticesAreComplete()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var created = await officer.PostAsJsonAsync("/api/incidents", IncidentRequests.Valid(), _ct);
        var incident = await created.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var id = incident.GetProperty("id").GetString()!;
        var deadline = incident.GetProperty("deadline").GetDateTimeOffset();
        var events = await app.Services.GetRequiredService<StorageClients>().QueueAsync(StorageNames.IncidentEventsQueue);
        await events.ClearMessagesAsync(_ct); // every timer is lost

        app.Clock.SetUtcNow(deadline.AddDays(2).AddHours(3));
        await SweepAsync(app);
        await SweepAsync(app); // a second sweep finds the reminder already due

        Assert.Equal(1, await QueueDriver.DrainAsync(app.Services, SendReminder.Name, _ct));
        var inbox = await fixture.Services.Mail.WaitForAsync(all => all.Any(m => m.Subject.Contains(id, StringComparison.Ordinal)), ct: _ct);
        var reminder = Assert.Single(inbox, m => m.Subject.Contains(id, StringComparison.Ordinal));
        Assert.StartsWith("OVERDUE", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains("passed 2 days 3 hours ago", reminder.Subject, StringComparison.Ordinal);
        var history = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct);
        var due = history.EnumerateArray().Where(e => e.GetProperty("type").GetString() == "reminder-due").ToList();
        Assert.Equal("g1-after-2", Assert.Single(due).GetProperty("event").GetProperty("reminderId").GetString());
        Assert.Equal("system:timer", due[0].GetProperty("actor").GetProperty("id").GetString());

        // Significant harm confirmed and every notice recorded: the next day's sweep has nothing to remind about.
        await ConfirmSignificantAsync(app, officer, id);
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/notification/complete",
            new { direct = 30, letters = 8, indirect = 2, withheld = 0, method = "Email, and letters where there was no email." }, _ct)).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromDays(1));
        await SweepAsync(app);

        Assert.Equal(0, await QueueDriver.DrainAsync(app.Services, SendReminder.Name, _ct));
    }

    private static async Task SweepAsync(AppFactory app)
    {
        await QueueDriver.FireTimerAsync(app.Services, nameof(SweepDeadlines), CancellationToken.None);
    }

    private async Task ConfirmSignificantAsync(AppFactory app, HttpClient officer, string id)
    {
        await QueueDriver.DrainAsync(app.Services, Assessment.AssessHarmActivity.Name, _ct);
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/assessment/decision", new { decision = "confirm" }, _ct)).EnsureSuccessStatusCode();
    }
}
