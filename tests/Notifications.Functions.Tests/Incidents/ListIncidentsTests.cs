using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Functions.Access;
using Notifications.Infrastructure.Storage;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Incidents;

public sealed class ListIncidentsTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_Register_ListsOpenAndClosedIncidentsWithFilters()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var open = await officer.CreateIncidentAsync(_ct);
        var closed = await officer.CreateIncidentAsync(_ct);
        (await officer.PostAsJsonAsync($"/api/incidents/{closed}/close", new { reason = "Below the significant-harm threshold." }, _ct)).EnsureSuccessStatusCode();
        var auditor = app.ClientAs(Roles.Auditor);

        var all = await auditor.GetFromJsonAsync<JsonElement>("/api/incidents", _ct);
        var onlyClosed = await auditor.GetFromJsonAsync<JsonElement>("/api/incidents?status=closed", _ct);
        var otherBody = await auditor.GetFromJsonAsync<JsonElement>("/api/incidents?publicBody=Another%20Ministry", _ct);

        Assert.Equal(new[] { open, closed }.Order(), all.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).Order());
        var entry = Assert.Single(onlyClosed.EnumerateArray());
        Assert.Equal(closed, entry.GetProperty("id").GetString());
        Assert.Equal("Below the significant-harm threshold.", entry.GetProperty("closedReason").GetString());
        Assert.Empty(otherBody.EnumerateArray());
    }

    [Fact]
    public async Task Get_Register_ReadsTheStateRowsRegisterColumns_AndAnOlderRowWithoutThemFromItsState()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateIncidentAsync(_ct);
        await officer.WaitForAsync(id, "assessment-proposed", _ct);
        var fromColumns = Single(await officer.GetFromJsonAsync<JsonElement>("/api/incidents", _ct), id);

        // A state row as written before the register columns existed: its JSON and the filter columns only.
        var table = await app.Services.GetRequiredService<StorageClients>().TableAsync(StorageNames.IncidentsTable);
        var row = (await table.GetEntityAsync<TableEntity>(id, "state", cancellationToken: _ct)).Value;
        foreach (var column in new[] { "RegisterColumns", "Title", "Urgency", "ClosedReason", "Discovered", "AwaitingDecision" })
        {
            row.Remove(column);
        }

        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, _ct);
        var fromState = Single(await officer.GetFromJsonAsync<JsonElement>("/api/incidents", _ct), id);

        Assert.Equal("Misdirected spreadsheet", fromColumns.GetProperty("title").GetString());
        Assert.True(fromColumns.GetProperty("awaitingDecision").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, fromColumns.GetProperty("discovered").ValueKind);
        foreach (var name in new[] { "id", "status", "publicBody", "urgency", "closedReason", "title", "awaitingDecision" })
        {
            Assert.Equal(fromColumns.GetProperty(name).GetRawText(), fromState.GetProperty(name).GetRawText());
        }

        foreach (var name in new[] { "reportedAt", "deadline", "discovered" })
        {
            Assert.Equal(Instant(fromColumns, name), Instant(fromState, name));
        }
    }

    private static DateTimeOffset? Instant(JsonElement entry, string name) =>
        entry.GetProperty(name).ValueKind == JsonValueKind.Null ? null : entry.GetProperty(name).GetDateTimeOffset();

    private static JsonElement Single(JsonElement register, string id) =>
        Assert.Single(register.EnumerateArray(), e => e.GetProperty("id").GetString() == id);

    [Theory]
    [InlineData("status=nonsense", "status")]
    [InlineData("reportedFrom=yesterday", "reportedFrom")]
    [InlineData("limit=0", "limit")]
    public async Task Get_BadFilter_Returns400NamingTheField(string query, string field)
    {
        await using var app = new AppFactory(fixture.Services);

        var response = await app.ClientAs(Roles.Auditor).GetAsync("/api/incidents?" + query, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }
}
