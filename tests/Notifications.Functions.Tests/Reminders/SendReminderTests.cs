using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;
using Notifications.Functions.Access;
using Notifications.Functions.Reminders;
using Notifications.Functions.Tests.Incidents;
using Notifications.Functions.Workflow;
using Notifications.Infrastructure.Workflow;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Reminders;

public sealed class SendReminderTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImmediateIncident_ReminderArrivesInTheSinkWithoutPersonalInformation()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var created = await officer.PostAsJsonAsync("/api/incidents", IncidentRequests.Valid(physicalHarm: true, title: "Title naming Jordan Example"), _ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetString()!;

        // The durable timer due now fires, the incident asks for the reminder, the activity sends it and records it.
        await officer.WaitForAsync(id, "reminder-sent", _ct);

        var inbox = await fixture.Services.Mail.WaitForAsync(all => all.Any(m => m.Subject.Contains(id, StringComparison.Ordinal)), ct: _ct);
        var mail = inbox.Single(m => m.Subject.Contains(id, StringComparison.Ordinal));
        Assert.Equal("privacy.office@example.test", mail.To.Single().Address);
        Assert.Contains("deadline is now", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Ministry of Examples", mail.Body, StringComparison.Ordinal);
        Assert.Contains("UTC", mail.Body, StringComparison.Ordinal);
        foreach (var personal in new[] { IncidentRequests.Description, IncidentRequests.ReporterName, IncidentRequests.ReporterEmail, IncidentRequests.ReporterPhone, "Jordan Example" })
        {
            Assert.DoesNotContain(personal, mail.Subject + mail.Body, StringComparison.OrdinalIgnoreCase);
        }

        var history = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct);
        var types = history.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["incident-reported", "deadline-set", "reminders-armed", "containment-planned", "assessment-proposed", "reminder-due", "reminders-armed", "reminder-sent"], types);
        Assert.Equal("System", history.EnumerateArray().Last().GetProperty("actor").GetProperty("role").GetString());
    }

    [Fact]
    public async Task ReminderActivityRunTwice_AfterItWasSent_SendsNoSecondEmail_AndRecordsItOnce()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var created = await officer.PostAsJsonAsync("/api/incidents", IncidentRequests.Valid(physicalHarm: true), _ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetString()!;
        await officer.WaitForAsync(id, "reminder-sent", _ct);
        await fixture.Services.Mail.WaitForAsync(all => all.Any(m => m.Subject.Contains(id, StringComparison.Ordinal)), ct: _ct);

        // Durable runs an activity at least once: the same command again, as after a crash before its result was kept.
        var command = new Domain.Incidents.SendReminder("send-reminder:g1-hourly-0", "g1-hourly-0");
        await using var scope = app.Services.CreateAsyncScope();
        var again = await ActivatorUtilities.CreateInstance<SendReminder>(scope.ServiceProvider)
            .Run(new CommandRequest(id, command, DateTimeOffset.UtcNow), _ct);

        Assert.Empty(again.Commands);
        Assert.Single(await fixture.Services.Mail.AllAsync(_ct), m => m.Subject.Contains(id, StringComparison.Ordinal));
        Assert.Equal(1, await officer.CountAsync(id, "reminder-sent", _ct));
    }

    [Fact]
    public async Task ClosedIncident_LaterReminderTimer_SendsNothing()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var created = await officer.PostAsJsonAsync("/api/incidents", IncidentRequests.Valid(), _ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetString()!;
        var closed = await officer.PostAsJsonAsync($"/api/incidents/{id}/close", new { reason = "Reported twice; see the other incident." }, _ct);
        closed.EnsureSuccessStatusCode();

        // The deadline's timer fires later (here: now, through the incident's own apply step): the state makes it moot.
        await using var scope = app.Services.CreateAsyncScope();
        var fired = await ActivatorUtilities.CreateInstance<ApplyIncidentEvent>(scope.ServiceProvider).Run(
            new ApplyRequest(id, null, new PendingTimer("g1-at", Domain.Incidents.TimerKind.Reminder, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow), _ct);

        Assert.Equal(EventOutcome.Ignored, fired.Outcome);
        Assert.Empty(fired.Commands);
        var history = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct);
        Assert.DoesNotContain(history.EnumerateArray(), e => e.GetProperty("type").GetString() is "reminder-due" or "reminder-sent");
        var close = history.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "incident-closed");
        Assert.Equal("Reported twice; see the other incident.", close.GetProperty("event").GetProperty("reason").GetString());
        Assert.Equal("test-privacyofficer", close.GetProperty("actor").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(2 * 24 * 60 + 90, "2 days 1 hour")]
    [InlineData(90, "1 hour 30 minutes")]
    [InlineData(5, "5 minutes")]
    public void Span_ReadsLikeAPerson(int minutes, string expected) =>
        Assert.Equal(expected, ReminderEmail.Span(TimeSpan.FromMinutes(minutes)));
}
