using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text;
using Notifications.Functions.Access;
using Notifications.Functions.Tests.Incidents;
using Notifications.TestKit.FanOut;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Recipients;

public sealed class ImportRecipientsTests(DevServicesFixture fixture)
{
    private const string Header = FanOutCsv.Header;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_Csv_ImportsAndRecordsTheCountsInTheHistory()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateIncidentAsync(_ct);
        var csv = await File.ReadAllTextAsync(Path.Combine(DevServices.RepositoryRoot(), "docs", "samples", "recipients.sample.csv"), _ct);

        var response = await officer.PostAsync($"/api/incidents/{id}/recipients", new StringContent(csv, Encoding.UTF8, "text/csv"), _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var manifest = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var rows = manifest.GetProperty("counts").GetProperty("rows").GetInt64();
        Assert.Equal(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1, rows);
        var history = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct);
        var imported = history.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "recipients-imported");
        Assert.Equal(rows, imported.GetProperty("event").GetProperty("counts").GetProperty("rows").GetInt64());
        Assert.DoesNotContain("@", imported.GetProperty("event").ToString(), StringComparison.Ordinal); // counts, not people
    }

    [Fact]
    public async Task Post_EmailsShiftedAgainstTheSystemOfRecord_IsBlockedWithLocatedErrors()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateIncidentAsync(_ct);
        var people = Enumerable.Range(1, 6).Select(i => (Id: $"P-{i}", Email: $"person{i}@example.test")).ToList();
        var systemOfRecord = "person_id,email\n" + string.Join("\n", people.Select(p => $"{p.Id},{p.Email}"));
        // Seed 000: the email column slipped one row down.
        var recipients = Header + "\n" + string.Join("\n", people.Select((p, i) =>
            $"{p.Id},Given{i},Family{i},{people[(i + people.Count - 1) % people.Count].Email},,en,BC,client:{1000 + i},,,"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(systemOfRecord, Encoding.UTF8, "text/csv"), "systemOfRecord", "sor.csv" },
            { new StringContent(recipients, Encoding.UTF8, "text/csv"), "recipients", "recipients.csv" },
        };

        var response = await officer.PostAsync($"/api/incidents/{id}/recipients", form, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("recipients:line 2", StringComparison.Ordinal));
        var state = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", _ct);
        Assert.Equal(JsonValueKind.Null, state.GetProperty("recipients").ValueKind);
    }

    [Fact]
    public async Task Post_AsAuditor_IsForbidden()
    {
        await using var app = new AppFactory(fixture.Services);
        var id = await app.ClientAs(Roles.PrivacyOfficer).CreateIncidentAsync(_ct);

        var response = await app.ClientAs(Roles.Auditor).PostAsync($"/api/incidents/{id}/recipients", new StringContent(Header, Encoding.UTF8, "text/csv"), _ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
