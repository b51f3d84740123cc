using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Notifications.Functions.Access;
using Notifications.Functions.Tests.Incidents;
using Notifications.Functions.Tests.Letters;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Recipients;

/// <summary>
/// The per-person withheld decisions through the API (issue 14, item 5): privacy officers and auditors list the withheld
/// people of the import by person id with the reason recorded, until the purge; after it, that a reason was recorded,
/// and when, remains.
/// </summary>
public sealed class WithheldPeopleTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithheldPeople_AreListedWithTheirReasonUntilThePurge_ThenOnlyThatAReasonWasRecordedAndWhen()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = LetterPeople.Mixed(app.Prefix, email: 2, letters: 1);
        await LetterPeople.ImportAsync(officer, id, people, _ct);
        var withheld = Assert.Single(people, p => p.Withhold);
        var url = $"/api/incidents/{id}/recipients/withheld";

        var listed = await officer.GetFromJsonAsync<JsonElement>(url, _ct);
        var auditor = await app.ClientAs(Roles.Auditor).GetAsync(url, _ct);

        Assert.Equal(HttpStatusCode.OK, auditor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(Roles.Approver).GetAsync(url, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientAs(null).GetAsync(url, _ct)).StatusCode);
        Assert.Equal(1, listed.GetProperty("withheld").GetInt32());
        var importedAt = listed.GetProperty("importedAt").GetDateTimeOffset();
        var person = Assert.Single(listed.GetProperty("people").EnumerateArray());
        Assert.Equal((withheld.Line, withheld.Id, true, "Safety of the person.", importedAt), (person.GetProperty("line").GetInt64(),
            person.GetProperty("personId").GetString(), person.GetProperty("reasonRecorded").GetBoolean(), person.GetProperty("reason").GetString(),
            person.GetProperty("reasonRecordedAt").GetDateTimeOffset()));

        // Closed, and its contact data purged: the decision stays, the reason and the person id go.
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/close", new { reason = "Notified by the program area by phone." }, _ct)).EnsureSuccessStatusCode();
        (await officer.PostAsync($"/api/incidents/{id}/contact-data/purge", null, _ct)).EnsureSuccessStatusCode();
        var response = await app.ClientAs(Roles.Auditor).GetAsync(url, _ct);
        var body = await response.Content.ReadAsStringAsync(_ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = JsonDocument.Parse(body).RootElement;
        Assert.Equal(JsonValueKind.String, after.GetProperty("contactDataPurgedAt").ValueKind);
        var kept = Assert.Single(after.GetProperty("people").EnumerateArray());
        Assert.Equal((withheld.Line, true, importedAt), (kept.GetProperty("line").GetInt64(), kept.GetProperty("reasonRecorded").GetBoolean(),
            kept.GetProperty("reasonRecordedAt").GetDateTimeOffset()));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (kept.GetProperty("personId").ValueKind, kept.GetProperty("reason").ValueKind));
        Assert.DoesNotContain("Safety of the person.", body, StringComparison.Ordinal);
        Assert.All(people.SelectMany(p => p.Values()), value => Assert.DoesNotContain(value, body, StringComparison.OrdinalIgnoreCase));
    }
}
