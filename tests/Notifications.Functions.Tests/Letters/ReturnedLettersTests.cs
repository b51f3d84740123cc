using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Functions.Access;
using Notifications.Functions.Notices;
using Notifications.Functions.Tests.Incidents;
using Notifications.Functions.Tests.Notices;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Storage;
using Notifications.TestKit;
using static Notifications.Functions.Tests.Letters.LetterPeople;

namespace Notifications.Functions.Tests.Letters;

/// <summary>
/// Letters returned to sender through the API, on real Azurite: the rows move to <c>returned</c> and indirect notice,
/// completion counts them as indirect, completed notices are revised once, a repeated request changes nothing, bad ids
/// store nothing, and nothing is recorded after the purge. Also: a letters-only import completes on its export alone.
/// </summary>
public sealed class ReturnedLettersTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task LettersOnlyImport_CompletesOnTheExport_WithoutAnyStart()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        await ImportAsync(officer, id, Mixed(app.Prefix, email: 0, letters: 4), _ct); // 4 letters, 1 indirect, 1 withheld
        await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);

        (await officer.GetAsync($"/api/incidents/{id}/letters", _ct)).EnsureSuccessStatusCode();

        var completed = Assert.Single(await HistoryAsync(officer, id, "notices-completed", _ct));
        Assert.Equal("system:export-letters", completed.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal((0, 4, 1, 1), Counts(completed.GetProperty("event").GetProperty("counts")));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/incidents/{id}/notification", _ct)).StatusCode); // no run was needed
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NobodyToEmailOrWriteTo_CompletesOnTheApproval_OrOnTheImportThatComesAfterIt(bool importFirst)
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = Mixed(app.Prefix, email: 0, letters: 0); // 1 indirect, 1 withheld

        if (importFirst)
        {
            await ImportAsync(officer, id, people, _ct);
            Assert.Empty(await HistoryAsync(officer, id, "notices-completed", _ct)); // no public notice approved yet
            await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);
        }
        else
        {
            await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);
            await ImportAsync(officer, id, people, _ct);
        }

        var completed = Assert.Single(await HistoryAsync(officer, id, "notices-completed", _ct));
        Assert.Equal(importFirst ? "system:approve-notice-content" : "system:import-recipients", completed.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal((0, 0, 1, 1), Counts(completed.GetProperty("event").GetProperty("counts")));
    }

    [Fact]
    public async Task ImportWithEmailPeople_StillWaitsForTheFanOut_AfterTheExport()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        await ImportAsync(officer, id, Mixed(app.Prefix, email: 1, letters: 2), _ct);
        await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);

        (await officer.GetAsync($"/api/incidents/{id}/letters", _ct)).EnsureSuccessStatusCode();

        Assert.Empty(await HistoryAsync(officer, id, "notices-completed", _ct));
    }

    [Fact]
    public async Task ReturnedBeforeCompletion_AreCountedAsIndirectByTheCompletion()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var (id, people) = await ExportedAsync(app, officer, email: 2, letters: 3);
        var back = people.Where(p => p.GetsALetter).Take(2).ToList();

        var response = await PostAsync(officer, id, new { personIds = back.Select(p => p.Id), reason = "addressUnknown" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal((2, 0, 2), (body.GetProperty("returned").GetInt32(), body.GetProperty("alreadyReturned").GetInt32(), body.GetProperty("totalReturned").GetInt32()));
        var rows = await RowsAsync(app, back.Select(p => p.Id));
        Assert.All(rows, r => Assert.Equal(("returned", "Indirect", "Letter", "addressUnknown"),
            (r.GetString("Status"), r.GetString("Channel"), r.GetString("ChannelBefore"), r.GetString("ReturnCode"))));
        Assert.All(rows, r => Assert.NotNull(r.GetDateTimeOffset("ReturnedAt")));
        var recorded = Assert.Single(await HistoryAsync(officer, id, "letters-returned", _ct));
        Assert.Equal("test-privacyofficer", recorded.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal((2, 2), (recorded.GetProperty("event").GetProperty("total").GetInt32(), recorded.GetProperty("event").GetProperty("returned").GetInt32()));
        foreach (var value in people.SelectMany(p => p.Values()))
        {
            Assert.DoesNotContain(value, recorded.ToString(), StringComparison.OrdinalIgnoreCase); // counts only
        }

        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        Assert.Equal(1, (await RunDriver.SettleAsync(app, id, _ct)).BatchCalls);

        var counts = Assert.Single(await HistoryAsync(officer, id, "notices-completed", _ct)).GetProperty("event").GetProperty("counts");
        Assert.Equal((2, 1, 3, 1), Counts(counts)); // letters 3 - 2; indirect 1 + 2
        Assert.Empty(await HistoryAsync(officer, id, "notice-counts-revised", _ct));
    }

    [Fact]
    public async Task ReturnedAfterCompletion_ReviseTheCountsOnce_TheReportFollows_AndARepeatChangesNothing()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var (id, people) = await ExportedAsync(app, officer, email: 0, letters: 3); // letters only: + 1 indirect, 1 withheld
        Assert.Equal((0, 3, 1, 1), Counts(Assert.Single(await HistoryAsync(officer, id, "notices-completed", _ct)).GetProperty("event").GetProperty("counts")));
        var request = new { personIds = new[] { people[1].Id } };

        var first = await PostAsync(officer, id, request);
        var historyAfterFirst = await HistoryCountAsync(officer, id);
        var again = await PostAsync(officer, id, request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var revised = Assert.Single(await HistoryAsync(officer, id, "notice-counts-revised", _ct));
        Assert.Equal("test-privacyofficer", revised.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal((0, 2, 2, 1), Counts(revised.GetProperty("event").GetProperty("counts")));
        Assert.Contains("1 whose letter came back", revised.GetProperty("event").GetProperty("counts").GetProperty("method").GetString(), StringComparison.Ordinal);
        var report = (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/commissioner-report", _ct)).GetProperty("text").GetString();
        Assert.Contains("notified or to be notified by letter: 2", report, StringComparison.Ordinal);
        Assert.Contains("reached or to be reached by indirect notice: 2", report, StringComparison.Ordinal);
        var repeated = await again.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal((0, 1, 1), (repeated.GetProperty("returned").GetInt32(), repeated.GetProperty("alreadyReturned").GetInt32(), repeated.GetProperty("totalReturned").GetInt32()));
        Assert.Equal(historyAfterFirst, await HistoryCountAsync(officer, id));
        Assert.Single(await HistoryAsync(officer, id, "letters-returned", _ct));
    }

    [Fact]
    public async Task BadIds_Are400WithFieldErrors_AndNothingIsStored()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var (id, people) = await ExportedAsync(app, officer, email: 1, letters: 2);
        var letter = people.First(p => p.GetsALetter);
        var emailPerson = people.First(p => p.Email is not null);
        var before = await HistoryCountAsync(officer, id);

        var unknown = await PostAsync(officer, id, new { personIds = new[] { letter.Id, "L-999999", emailPerson.Id, people[^1].Id } });
        var empty = await PostAsync(officer, id, new { personIds = Array.Empty<string>() });
        var blankAndReason = await PostAsync(officer, id, new { personIds = new[] { letter.Id, " " }, reason = "lost" });

        var errors = await ErrorsAsync(unknown);
        Assert.Equal(["personIds[1]", "personIds[2]", "personIds[3]"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.True((await ErrorsAsync(empty)).TryGetProperty("personIds", out _));
        Assert.Equal(["personIds[1]", "reason"], (await ErrorsAsync(blankAndReason)).EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("Letter", (await RowsAsync(app, [letter.Id])).Single().GetString("Channel"));
        Assert.Equal("pending", (await RowsAsync(app, [letter.Id])).Single().GetString("Status"));
        Assert.Equal(before, await HistoryCountAsync(officer, id));
    }

    [Fact]
    public async Task Refusals_BeforeAnExport_AndAfterThePurge_Are409_AndAnAuditorIsForbidden()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = Mixed(app.Prefix, email: 0, letters: 2);
        var request = new { personIds = new[] { people[0].Id } };

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(officer, "no-such-incident", request)).StatusCode);
        await AssertConflictAsync(await PostAsync(officer, id, request), "Import");
        await ImportAsync(officer, id, people, _ct);
        await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);
        await AssertConflictAsync(await PostAsync(officer, id, request), "export");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(app.ClientAs(Roles.Auditor), id, request)).StatusCode);

        (await officer.GetAsync($"/api/incidents/{id}/letters", _ct)).EnsureSuccessStatusCode(); // letters only: complete
        (await officer.PostAsync($"/api/incidents/{id}/contact-data/purge", null, _ct)).EnsureSuccessStatusCode();

        await AssertConflictAsync(await PostAsync(officer, id, request), "purged");
        Assert.Empty(await HistoryAsync(officer, id, "letters-returned", _ct));
        Assert.NotEqual("returned", (await RowsAsync(app, [people[0].Id])).Single().GetString("Status"));
    }

    [Fact]
    public async Task ExportAfterAReturn_LeavesThatPersonOut_AndCompletionCountsThemOnce()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var (id, people) = await ExportedAsync(app, officer, email: 1, letters: 3);
        var back = people.First(p => p.GetsALetter);
        (await PostAsync(officer, id, new { personIds = new[] { back.Id } })).EnsureSuccessStatusCode();

        var html = await officer.GetAsync($"/api/incidents/{id}/letters?format=html", _ct);
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        Assert.Equal(1, (await RunDriver.SettleAsync(app, id, _ct)).BatchCalls);

        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.DoesNotContain(back.Given, await html.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        var export = (await HistoryAsync(officer, id, "letters-exported", _ct))[^1].GetProperty("event");
        Assert.Equal((2, 1), (export.GetProperty("letters").GetInt32(), export.GetProperty("returned").GetInt32()));
        var counts = Assert.Single(await HistoryAsync(officer, id, "notices-completed", _ct)).GetProperty("event").GetProperty("counts");
        Assert.Equal((1, 2, 2, 1), Counts(counts));
    }

    /// <summary>A notifying incident with these people imported, its content approved and its letters exported.</summary>
    private async Task<(string Id, List<LetterPerson> People)> ExportedAsync(AppFactory app, HttpClient officer, int email, int letters)
    {
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = Mixed(app.Prefix, email, letters);
        await ImportAsync(officer, id, people, _ct);
        await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);
        (await officer.GetAsync($"/api/incidents/{id}/letters", _ct)).EnsureSuccessStatusCode();
        return (id, people);
    }

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string id, object body) =>
        client.PostAsJsonAsync($"/api/incidents/{id}/letters/returned", body, _ct);

    private static (int, int, int, int) Counts(JsonElement c) =>
        (c.GetProperty("direct").GetInt32(), c.GetProperty("letters").GetInt32(), c.GetProperty("indirect").GetInt32(), c.GetProperty("withheld").GetInt32());

    private async Task<int> HistoryCountAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct)).GetArrayLength();

    private async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("errors");
    }

    private async Task AssertConflictAsync(HttpResponseMessage response, string mentions)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(mentions, await response.Content.ReadAsStringAsync(_ct), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The recipient rows with these person ids (row keys), in any import of the test's tables.</summary>
    private async Task<List<TableEntity>> RowsAsync(AppFactory app, IEnumerable<string> personIds)
    {
        var table = await app.Services.GetRequiredService<StorageClients>().TableAsync(RecipientKeys.Table);
        var rows = new List<TableEntity>();
        foreach (var personId in personIds)
        {
            await foreach (var row in table.QueryAsync<TableEntity>(r => r.RowKey == personId, cancellationToken: _ct))
            {
                rows.Add(row);
            }
        }

        Assert.NotEmpty(rows);
        return rows;
    }
}
