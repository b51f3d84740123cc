using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Functions.Access;
using Notifications.Functions.Tests.Hosting;
using Notifications.Functions.Tests.Incidents;
using Notifications.LocalRuntime.Durable;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Workflow;

/// <summary>The incident's orchestration on Durable's Azure Storage provider on Azurite, through the API.</summary>
public sealed class IncidentOrchestrationTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReminderAtTheDeadline_FiresOnItsDurableTimer_NotBefore()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        // Discovered a week ago less a few seconds: the deadline (a week after discovery) is seconds away, the reminders
        // before it are past (one is sent now), and the one at the deadline waits on its durable timer.
        var body = IncidentRequests.Valid();
        body["discovered"] = DateTimeOffset.UtcNow.AddDays(-7).AddSeconds(8);
        body["occurred"] = new System.Text.Json.Nodes.JsonObject { ["kind"] = "date", ["on"] = DateTimeOffset.UtcNow.AddDays(-8) };
        var created = await officer.PostAsJsonAsync("/api/incidents", body, _ct);
        var incident = await created.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var id = incident.GetProperty("id").GetString()!;
        var deadline = incident.GetProperty("deadline").GetDateTimeOffset();

        var history = await officer.WaitForAsync(id, "reminder-due", _ct, e => ReminderId(e) == "g1-at");

        var at = history.Single(e => e.GetProperty("type").GetString() == "reminder-due" && ReminderId(e) == "g1-at");
        Assert.True(at.GetProperty("at").GetDateTimeOffset() >= deadline, "The reminder at the deadline fired before it.");
        var earlier = history.Single(e => e.GetProperty("type").GetString() == "reminder-due" && ReminderId(e) != "g1-at");
        Assert.Equal("g1-before-P1D", ReminderId(earlier)); // the past ones, collapsed into one, sent at once
        await officer.WaitForAsync(id, "reminder-sent", _ct, count: 2);
    }

    [Fact]
    public async Task CommandNotDecidedWithinItsWait_Answers202_WithALocationThatGivesTheOutcome()
    {
        await using var app = new AppFactory(fixture.Services, overrides: new Dictionary<string, string?> { ["Workflow:CommandWait"] = "00:00:00" });
        var officer = app.ClientAs(Roles.PrivacyOfficer);

        var created = await officer.PostAsJsonAsync("/api/incidents", IncidentRequests.Valid(), _ct);

        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        Assert.Matches("^/api/incidents/inc-[0-9a-f]+/events/reported$", location);
        Assert.Equal("pending", (await created.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("outcome").GetString());
        JsonElement outcome = default;
        await Eventually.HoldsAsync(async () =>
        {
            outcome = await officer.GetFromJsonAsync<JsonElement>(location, _ct);
            return outcome.GetProperty("outcome").GetString() != "pending";
        }, "the report was decided");
        Assert.Equal(("applied", "incident-reported"), (outcome.GetProperty("outcome").GetString(), outcome.GetProperty("type").GetString()));

        // A refusal is an outcome too: the Commissioner's report cannot be approved before there is one.
        var id = location.Split('/')[3];
        var approve = await app.ClientAs(Roles.Approver).PostAsync($"/api/incidents/{id}/commissioner-report/approve", null, _ct);
        Assert.Equal(HttpStatusCode.Accepted, approve.StatusCode);
        await Eventually.HoldsAsync(async () =>
            (await officer.GetFromJsonAsync<JsonElement>(approve.Headers.Location, _ct)).GetProperty("outcome").GetString() == "rejected",
            "the approval was refused");
    }

    [Fact]
    public async Task Operators_SeeTheOrchestration_RunningAndItsNextTimer_OthersAreForbidden()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateIncidentAsync(_ct);
        await officer.WaitForAsync(id, "assessment-proposed", _ct);

        // The custom status is written when the orchestration's episode ends, just after the history row.
        var auditor = app.ClientAs(Roles.Auditor);
        var status = default(JsonElement);
        await Eventually.HoldsAsync(async () =>
        {
            status = await auditor.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/orchestration", _ct);
            return status.GetProperty("incident").GetProperty("customStatus").GetString() is { Length: > 0 } json && json != "null";
        }, "the orchestration reports its status");
        var forbidden = await officer.GetAsync($"/api/incidents/{id}/orchestration", _ct);
        var missing = await app.ClientAs(Roles.Auditor).GetAsync("/api/incidents/inc-none/orchestration", _ct);

        var incident = status.GetProperty("incident");
        Assert.Equal((id, "IncidentOrchestration", "Running"), (incident.GetProperty("instanceId").GetString(),
            incident.GetProperty("name").GetString(), incident.GetProperty("runtimeStatus").GetString()));
        var custom = JsonDocument.Parse(incident.GetProperty("customStatus").GetString()!).RootElement;
        Assert.StartsWith("g1-before-", custom.GetProperty("NextTimer").GetProperty("TimerId").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task DurablesOwnHistory_HoldsNoPersonalInformation()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        (await officer.PatchAsJsonAsync($"/api/incidents/{id}", new { recipients = new { count = 13 }, reason = "Counted again with Riley Reporter-Quill." }, _ct))
            .EnsureSuccessStatusCode();
        await officer.WaitForAsync(id, "assessment-proposed", _ct, count: 2);

        var hub = app.Services.GetRequiredService<DurableSidecar>().TaskHub;
        var text = string.Join("\n", await RowsAsync(hub + "History"), await RowsAsync(hub + "Instances"));

        Assert.Contains(id, text, StringComparison.Ordinal); // the right tables were read
        foreach (var personal in new[] { IncidentRequests.ReporterName, IncidentRequests.ReporterEmail, IncidentRequests.ReporterPhone, IncidentRequests.Description, "Misdirected spreadsheet" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string? ReminderId(JsonElement entry) => entry.GetProperty("event").GetProperty("reminderId").GetString();

    private async Task<string> RowsAsync(string table)
    {
        var client = new TableClient(fixture.Services.StorageConnectionString, table);
        var rows = new List<string>();
        await foreach (var row in client.QueryAsync<TableEntity>(cancellationToken: _ct))
        {
            rows.Add(string.Join(" ", row.Select(kv => kv.Value?.ToString())));
        }

        return string.Join("\n", rows);
    }
}
