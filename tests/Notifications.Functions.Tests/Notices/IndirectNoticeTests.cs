using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Notifications.Functions.Access;
using Notifications.Functions.Notices;
using Notifications.Functions.Tests.Incidents;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Notices;

/// <summary>
/// An officer switches the whole incident to indirect notice, on real Azurite and a real SMTP sink: the fan-out in
/// flight stops, whoever was emailed counts as direct, everyone else as indirect, and the report says why.
/// </summary>
public sealed class IndirectNoticeTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static object Choice(string trigger = "interferesWithOperations") => new
    {
        trigger,
        reason = "Our mail system would be tied up for a week during the benefits renewal period.",
    };

    [Fact]
    public async Task MidRun_TheCanaryCountsAsDirect_TheRestAsIndirect_AndNothingMoreIsSent()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = NoticeScenario.People(app.Prefix, 150);
        await NoticeScenario.ImportAsync(officer, id, people, _ct);
        await NoticeScenario.ApproveContentAsync(app, id, NoticeScenario.Content, _ct);
        await RunDriver.LeaveQuotaAsync(app, 100, _ct); // the canary, then the rest waits for the next minute
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        await RunDriver.CanaryDoneAsync(app, id, _ct); // the canary: 100 people

        var chosen = await officer.PostAsJsonAsync($"/api/incidents/{id}/notification/indirect", Choice(), _ct);

        chosen.EnsureSuccessStatusCode();
        var incident = await chosen.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal("interferesWithOperations", incident.GetProperty("indirectNotice").GetProperty("trigger").GetString());
        var counts = incident.GetProperty("notices");
        Assert.Equal((100, 50, 0), (counts.GetProperty("direct").GetInt32(), counts.GetProperty("indirect").GetInt32(), counts.GetProperty("withheld").GetInt32()));
        Assert.Contains($"/api/public/notices/{id}", counts.GetProperty("method").GetString(), StringComparison.Ordinal);

        // The rest of the run is halted: its batch sends nobody, and neither resume nor start brings direct sending back.
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await RunDriver.SettleAsync(app, id, _ct);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsync($"/api/incidents/{id}/notification/resume", null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).StatusCode);
        var progress = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct);
        Assert.Equal(100, progress.GetProperty("sent").GetInt64());
        var inbox = await fixture.Services.Mail.AllAsync(_ct);
        Assert.Equal(100, inbox.Count(m => m.To.Any(t => people.Any(p => string.Equals(p.Email, t.Address, StringComparison.OrdinalIgnoreCase)))));

        var history = (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct)).EnumerateArray().ToList();
        Assert.Single(history, e => e.GetProperty("type").GetString() == "indirect-notice-chosen");
        Assert.Single(history, e => e.GetProperty("type").GetString() == "notices-completed");
        var report = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/commissioner-report", _ct);
        Assert.Contains("benefits renewal period", report.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeAnyImport_TheEstimateIsNotifiedIndirectly_AndARetriedRequestCountsOnce()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        await NoticeScenario.ApproveContentAsync(app, id, NoticeScenario.Content, _ct);
        var estimate = (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", _ct))
            .GetProperty("facts").GetProperty("affected").GetProperty("estimatedCount").GetInt32();

        HttpRequestMessage Request() => new(HttpMethod.Post, $"/api/incidents/{id}/notification/indirect")
        {
            Content = JsonContent.Create(Choice("reachesSooner")),
            Headers = { { "Idempotency-Key", "indirect-1" } },
        };
        (await officer.SendAsync(Request(), _ct)).EnsureSuccessStatusCode();
        (await officer.SendAsync(Request(), _ct)).EnsureSuccessStatusCode();

        var incident = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", _ct);
        Assert.Equal(estimate, incident.GetProperty("notices").GetProperty("indirect").GetInt32());
        var history = (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct)).EnumerateArray();
        Assert.Single(history, e => e.GetProperty("type").GetString() == "indirect-notice-chosen");
    }

    [Fact]
    public async Task BadOrEarlyChoices_AreRefused_WithTheFieldOrTheReason()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var url = $"/api/incidents/{id}/notification/indirect";

        var invalid = await officer.PostAsJsonAsync(url, new { trigger = "cheaper", reason = "" }, _ct);
        var early = await officer.PostAsJsonAsync(url, Choice(), _ct); // no approved content yet
        var auditor = await app.ClientAs(Roles.Auditor).PostAsJsonAsync(url, Choice(), _ct);
        var unknown = await officer.PostAsJsonAsync("/api/incidents/no-such-incident/notification/indirect", Choice(), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("errors");
        Assert.Contains("reachesSooner", errors.GetProperty("trigger")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Approve the notice content", (await early.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, auditor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var history = (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct)).EnumerateArray();
        Assert.DoesNotContain(history, e => e.GetProperty("type").GetString() is "indirect-notice-chosen" or "notices-completed");
    }
}
