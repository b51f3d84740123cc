using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Notifications.Functions.Access;
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
