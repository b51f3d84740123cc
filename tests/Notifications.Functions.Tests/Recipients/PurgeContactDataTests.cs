using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Domain.Incidents;
using Notifications.Functions.Access;
using Notifications.Functions.Notices;
using Notifications.Functions.Recipients;
using Notifications.Functions.Tests.Incidents;
using Notifications.Functions.Tests.Notices;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Storage;
using Notifications.TestKit.FanOut;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Recipients;

/// <summary>
/// The contact-data purge through the app, on real Azurite and a fake clock: nothing before the retention period, every
/// row stripped to the evidence after it (progress and history still tell what was done), once; the officer's early purge
/// refused while notices are pending; and nothing that needs contact data runs afterwards.
/// </summary>
public sealed class PurgeContactDataTests(DevServicesFixture fixture)
{
    private const string WithholdReason = "Notice could reveal where Robin lives to a person under a protection order";
    private static readonly TimeSpan Retention = TimeSpan.FromDays(90);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static readonly object Content = new
    {
        summary = new { en = "A report listing clients was emailed to the wrong list.", fr = "Un rapport énumérant des clients a été envoyé à la mauvaise liste." },
        stepsForPerson = new { en = new[] { "Watch your accounts." }, fr = new[] { "Surveillez vos comptes." } },
    };

    [Fact]
    public async Task Timer_AfterTheRetentionPeriod_StripsEveryRow_KeepsTheEvidence_AndRecordsThePurgeOnce()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var csv = Csv(app.Prefix, 120);
        await ImportAsync(officer, id, csv);
        await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        Assert.Equal(2, (await RunDriver.SettleAsync(app, id, _ct)).BatchCalls);
        (await officer.GetAsync($"/api/incidents/{id}/letters", _ct)).EnsureSuccessStatusCode(); // the notices complete once the letter is out
        var incident = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", _ct);
        var due = incident.GetProperty("contactDataPurgeDueAt").GetDateTimeOffset();
        Assert.Equal(incident.GetProperty("noticesCompletedAt").GetDateTimeOffset() + Retention, due);
        var sent = await RowsAsync(app, id);

        app.Clock.SetUtcNow(due.AddMinutes(-1));
        await RunTimerAsync(app);

        Assert.Equal(sent.Select(Snapshot), (await RowsAsync(app, id)).Select(Snapshot));
        Assert.Empty(await PurgeEventsAsync(officer, id));

        app.Clock.SetUtcNow(due.AddHours(3));
        var purging = DateTimeOffset.UtcNow;
        await RunTimerAsync(app);

        var rows = await RowsAsync(app, id);
        Assert.Equal(122, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.True(RecipientFields.IsContactPurged(row));
            Assert.DoesNotContain(row.Keys, RecipientFields.Personal.Contains);
            var was = sent.Single(r => r.PartitionKey == row.PartitionKey && r.RowKey == row.RowKey);
            Assert.Equal((was.GetInt64("Line"), was.GetString("Channel"), was.GetString("Status"), was.GetDateTimeOffset("SentAt"), was.GetString("MessageId")),
                (row.GetInt64("Line"), row.GetString("Channel"), row.GetString("Status"), row.GetDateTimeOffset("SentAt"), row.GetString("MessageId")));
        });
        Assert.Equal(120, rows.Count(r => r.GetString("Status") == "sent" && r.GetString("MessageId") is { Length: > 0 }));
        AssertNothingPersonal(rows, app.Prefix);

        var progress = await app.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct);
        Assert.Equal((120, true), (progress.GetProperty("sent").GetInt64(), progress.GetProperty("isComplete").GetBoolean()));
        var purged = Assert.Single(await PurgeEventsAsync(officer, id));
        Assert.Equal((122, due), (purged.GetProperty("event").GetProperty("rows").GetInt32(), purged.GetProperty("event").GetProperty("dueAt").GetDateTimeOffset()));
        Assert.Equal("system:timer", purged.GetProperty("actor").GetProperty("id").GetString());
        var after = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", _ct);
        // Recorded at the orchestration's time, which is the real clock, not the timer's test clock.
        Assert.InRange(after.GetProperty("contactDataPurgedAt").GetDateTimeOffset(), purging, DateTimeOffset.UtcNow);

        // A second run finds nothing due and writes nothing; the officer's purge is an idempotent no-op.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await RunTimerAsync(app);
        (await officer.PostAsync($"/api/incidents/{id}/contact-data/purge", null, _ct)).EnsureSuccessStatusCode();

        Assert.Single(await PurgeEventsAsync(officer, id));
        Assert.Equal(rows.Select(r => r.ETag), (await RowsAsync(app, id)).Select(r => r.ETag));

        // Nothing that needs contact data runs any more.
        await AssertRefusedAsync(await officer.PostAsync($"/api/incidents/{id}/recipients", new StringContent(Csv(app.Prefix, 2), Encoding.UTF8, "text/csv"), _ct),
            IncidentDecider.ContactDataWasPurged);
        await AssertRefusedAsync(await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct), IncidentDecider.ContactDataWasPurged);
        await AssertRefusedAsync(await officer.PostAsync($"/api/incidents/{id}/notification/resume", null, _ct), IncidentDecider.ContactDataWasPurged);
        Assert.Equal(122, (await RowsAsync(app, id)).Count);
    }

    [Fact]
    public async Task EarlyPurge_IsRefusedWhileNoticesArePending_ThenPurgesOnceClosed_AndALeftoverBatchSendsNothing()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        await ImportAsync(officer, id, Csv(app.Prefix, 10));
        await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);
        // The run waits for quota (now, and two days on, when the incident is closed and purged) so its batch is left over.
        await RunDriver.LeaveQuotaAsync(app, 0, _ct);
        await RunDriver.LeaveQuotaAsync(app, 0, _ct, at: app.Clock.GetUtcNow().AddDays(2));
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        var imported = await RowsAsync(app, id);

        await AssertRefusedAsync(await officer.PostAsync($"/api/incidents/{id}/contact-data/purge", null, _ct), IncidentDecider.ContactDataStillNeeded);
        Assert.Equal(imported.Select(Snapshot), (await RowsAsync(app, id)).Select(Snapshot));

        var closing = await officer.PostAsJsonAsync($"/api/incidents/{id}/close", new { reason = "Notified by the program area by phone." }, _ct);
        closing.EnsureSuccessStatusCode();
        var closedAt = (await closing.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("closedAt").GetDateTimeOffset();
        app.Clock.Advance(TimeSpan.FromDays(2));
        var purging = DateTimeOffset.UtcNow;
        var first = await PurgeAsync(officer, id, "purge-1");
        var retried = await PurgeAsync(officer, id, "purge-1");
        var again = await PurgeAsync(officer, id, "purge-2");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var view = await first.Content.ReadFromJsonAsync<JsonElement>(_ct);
        // Purged when the incident's orchestration recorded it; the retention clock ran from the closing.
        Assert.InRange(view.GetProperty("contactDataPurgedAt").GetDateTimeOffset(), purging, DateTimeOffset.UtcNow);
        Assert.Equal(closedAt + Retention, view.GetProperty("contactDataPurgeDueAt").GetDateTimeOffset());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (retried.StatusCode, again.StatusCode));
        var purged = Assert.Single(await PurgeEventsAsync(officer, id));
        Assert.Equal((12, closedAt + Retention), (purged.GetProperty("event").GetProperty("rows").GetInt32(), purged.GetProperty("event").GetProperty("dueAt").GetDateTimeOffset()));
        Assert.Equal(Roles.PrivacyOfficer, purged.GetProperty("actor").GetProperty("role").GetString());
        var rows = await RowsAsync(app, id);
        Assert.All(rows, row => Assert.True(RecipientFields.IsContactPurged(row)));
        AssertNothingPersonal(rows, app.Prefix);

        // The run's batch was still waiting for quota: it goes, and nobody is emailed.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await RunDriver.SettleAsync(app, id, _ct)).Completed);

        Assert.DoesNotContain(await fixture.Services.Mail.AllAsync(_ct), m => m.To.Any(t => t.Address.Contains(app.Prefix, StringComparison.OrdinalIgnoreCase)));
        Assert.All(await RowsAsync(app, id), row => Assert.Equal("pending", row.GetString("Status")));
    }

    [Fact]
    public async Task Timer_AfterACrashBetweenTheStripAndTheRecord_RecordsThePurgeOnTheNextRun()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        await ImportAsync(officer, id, Csv(app.Prefix, 150));
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/notification/complete",
            new { direct = 0, letters = 151, indirect = 0, withheld = 1, withheldReasons = new[] { "Safety of a person." }, method = "Letters." }, _ct)).EnsureSuccessStatusCode();
        var due = (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", _ct)).GetProperty("contactDataPurgeDueAt").GetDateTimeOffset();
        app.Clock.SetUtcNow(due);
        await app.Services.GetRequiredService<ContactDataPurger>().PurgeAsync(id, _ct); // the run that died before recording
        var stripped = await RowsAsync(app, id);

        await RunTimerAsync(app);

        Assert.Equal(152, Assert.Single(await PurgeEventsAsync(officer, id)).GetProperty("event").GetProperty("rows").GetInt32());
        Assert.Equal(stripped.Select(r => r.ETag), (await RowsAsync(app, id)).Select(r => r.ETag));
    }

    [Fact]
    public async Task EarlyPurge_NeedsAPrivacyOfficer_AndAnIncident()
    {
        await using var app = new AppFactory(fixture.Services);
        var id = await app.ClientAs(Roles.PrivacyOfficer).CreateIncidentAsync(_ct);

        var auditor = await app.ClientAs(Roles.Auditor).PostAsync($"/api/incidents/{id}/contact-data/purge", null, _ct);
        var unknown = await app.ClientAs(Roles.PrivacyOfficer).PostAsync("/api/incidents/inc-unknown/contact-data/purge", null, _ct);
        var open = await app.ClientAs(Roles.PrivacyOfficer).PostAsync($"/api/incidents/{id}/contact-data/purge", null, _ct);

        Assert.Equal(HttpStatusCode.Forbidden, auditor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await AssertRefusedAsync(open, IncidentDecider.ContactDataStillNeeded);
    }

    /// <summary>People with emails, one with only a postal address and one withheld with a reason; identifiers on every row.</summary>
    private static string Csv(string prefix, int withEmail) =>
        FanOutCsv.Header + "\n" + string.Join("\n", Enumerable.Range(0, withEmail).Select(i =>
            $"C-{500000 + i},Given{i:D4},Family{i:D4},p{i}.{prefix}@example.test,,{(i % 2 == 0 ? "en" : "fr")},BC,client:{770000 + i},,,"))
        + $"\nC-600001,Sam,Postal{prefix},,\"9 Sample Road, Whitehorse YT\",en,YT,application:A-{prefix},,,"
        + $"\nC-600002,Robin,Withheld{prefix},robin.{prefix}@example.test,,en,BC,client:779999,,true,{WithholdReason}";

    /// <summary>
    /// No property of any row (keys aside) holds a name, email, address, identifier or withhold reason. (The Message-ID
    /// stays: it is the sender's domain and a hash, so the emails are matched by the test prefix in them.)
    /// </summary>
    private static void AssertNothingPersonal(List<TableEntity> rows, string prefix)
    {
        var text = string.Join("\n", rows.SelectMany(r => r.Where(p => p.Key is not ("PartitionKey" or "RowKey")).Select(p => p.Value?.ToString())));
        foreach (var personal in new[] { "C-5", "C-6", "Given", "Family", "Sam", "Robin", "robin.", prefix, "Sample Road", "client:", "application:", "protection order" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(detail, (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("detail").GetString());
    }

    private async Task<HttpResponseMessage> PurgeAsync(HttpClient officer, string id, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/incidents/{id}/contact-data/purge");
        request.Headers.Add("Idempotency-Key", key);
        return await officer.SendAsync(request, _ct);
    }

    private async Task<List<JsonElement>> PurgeEventsAsync(HttpClient officer, string id) =>
        (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct)).EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "contact-data-purged").ToList();

    private static async Task RunTimerAsync(AppFactory app)
    {
        await QueueDriver.FireTimerAsync(app.Services, nameof(PurgeContactData), CancellationToken.None);
    }

    /// <summary>Every row of the incident's imports, in key order (the manifest partition aside).</summary>
    private async Task<List<TableEntity>> RowsAsync(AppFactory app, string id)
    {
        var table = await app.Services.GetRequiredService<StorageClients>().TableAsync(RecipientKeys.Table);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {id + "|"} and PartitionKey lt {id + "}"}"), cancellationToken: _ct))
        {
            if (row.PartitionKey != RecipientKeys.Imports(id))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static string Snapshot(TableEntity row) =>
        string.Join(";", row.Where(p => p.Key is not ("odata.etag" or "Timestamp")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private async Task ImportAsync(HttpClient officer, string id, string csv)
    {
        var response = await officer.PostAsync($"/api/incidents/{id}/recipients", new StringContent(csv, Encoding.UTF8, "text/csv"), _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
