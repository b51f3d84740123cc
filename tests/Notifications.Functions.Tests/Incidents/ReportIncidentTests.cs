using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Functions.Access;
using Notifications.Infrastructure.Storage;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Incidents;

public sealed class ReportIncidentTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_ValidReport_Returns201WithLocationAndArmsTheClock()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);

        var response = await officer.PostAsJsonAsync("/api/incidents", IncidentRequests.Valid(), _ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        var state = await app.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>(location, _ct);
        Assert.Equal("open", state.GetProperty("status").GetString());
        Assert.Equal("standard", state.GetProperty("urgency").GetString());
        Assert.Equal(3, state.GetProperty("reminders").GetArrayLength());
        Assert.Equal("bc-foippa 1.0.0", state.GetProperty("policy").GetString());
        Assert.Contains(state.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("kind").GetString() == "deletionConfirmation");
        var deadline = state.GetProperty("deadline").GetDateTimeOffset();
        var discovered = state.GetProperty("facts").GetProperty("discovered").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(7), deadline - discovered);
    }

    [Fact]
    public async Task Post_PhysicalHarmPossible_DeadlineIsNowAndUrgencyImmediate()
    {
        await using var app = new AppFactory(fixture.Services);

        var before = DateTimeOffset.UtcNow;
        var response = await app.ClientAs(Roles.PrivacyOfficer).PostAsJsonAsync("/api/incidents", IncidentRequests.Valid(physicalHarm: true), _ct);
        var after = DateTimeOffset.UtcNow;

        var state = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal("immediate", state.GetProperty("urgency").GetString());
        // Now: the incident's orchestration decided it while the request waited (its time, not the request's).
        Assert.InRange(state.GetProperty("deadline").GetDateTimeOffset(), before, after);
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyTwice_CreatesOneIncident()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var body = IncidentRequests.Valid();

        var first = await PostWithKey(officer, body, "intake-42");
        var second = await PostWithKey(officer, body, "intake-42");
        var other = await PostWithKey(officer, body, "intake-43");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.NotEqual(first.Headers.Location, other.Headers.Location);
        var history = await officer.GetFromJsonAsync<JsonElement>(first.Headers.Location + "/history", _ct);
        Assert.Single(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "incident-reported");
        Assert.Equal(2, await CountRowsAsync(app, "state"));
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyDifferentReport_Returns422AndKeepsTheFirst()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);

        var first = await PostWithKey(officer, IncidentRequests.Valid(title: "First"), "intake-7");
        var second = await PostWithKey(officer, IncidentRequests.Valid(title: "Second"), "intake-7");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        var state = await officer.GetFromJsonAsync<JsonElement>(first.Headers.Location, _ct);
        Assert.Equal("First", state.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Post_DescriptionOnSeveralLinesAndLocalOffset_IsTakenAsWritten()
    {
        await using var app = new AppFactory(fixture.Services);
        var body = IncidentRequests.Valid();
        body["description"] = "Line one.\r\n\tLine two.";
        var discovered = new DateTimeOffset(DateTime.UtcNow.AddDays(-1).Date.AddHours(9), TimeSpan.Zero).ToOffset(TimeSpan.FromHours(-8));
        body["discovered"] = discovered.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

        var response = await app.ClientAs(Roles.PrivacyOfficer).PostAsJsonAsync("/api/incidents", body, _ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var state = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal("Line one.\r\n\tLine two.", state.GetProperty("description").GetString());
        Assert.Equal(discovered, state.GetProperty("facts").GetProperty("discovered").GetDateTimeOffset());
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { IncidentRequests.With("publicBodies", null), "publicBodies" },
        { IncidentRequests.With("publicBodies", new JsonArray()), "publicBodies" },
        { IncidentRequests.With("discovered", null), "discovered" },
        { IncidentRequests.With("discovered", "not a date"), "discovered" },
        { IncidentRequests.With("discovered", "2999-01-01T00:00:00Z"), "discovered" },
        { IncidentRequests.With("cause", null), "cause" },
        { IncidentRequests.With("cause", "sabotage"), "cause" },
        { IncidentRequests.With("personalInformation", new JsonArray("name", "shoeSize")), "personalInformation[1]" },
        { IncidentRequests.With("recipients", new JsonObject { ["count"] = -1, ["relationship"] = "public" }), "recipients.count" },
        { IncidentRequests.With("physicalHarmPossible", null), "physicalHarmPossible" },
        { IncidentRequests.With("physicalHarmPossible", "yes"), "physicalHarmPossible" },
        { IncidentRequests.With("reporter", new JsonObject { ["name"] = "n", ["email"] = "not-an-email" }), "reporter.email" },
        { IncidentRequests.With("reporter", null), "reporter" },
        { IncidentRequests.With("title", " "), "title" },
        // Enums by name only; timestamps with an offset only; no control or bidi-override characters in single-line text.
        { IncidentRequests.With("cause", 3), "cause" },
        { IncidentRequests.With("cause", "3"), "cause" },
        { IncidentRequests.With("discovered", "2026-11-30T09:00:00"), "discovered" },
        { IncidentRequests.With("discovered", "2026-11-30"), "discovered" },
        { IncidentRequests.With("occurred", new JsonObject { ["kind"] = "date", ["on"] = "2026-11-28T09:00:00.000" }), "occurred.on" },
        { IncidentRequests.With("occurred", new JsonObject { ["kind"] = 0, ["on"] = "2026-11-28T09:00:00Z" }), "occurred.kind" },
        { IncidentRequests.With("title", "Misdirected\tspreadsheet"), "title" },
        { IncidentRequests.With("title", "Misdirected\u0000spreadsheet"), "title" },
        { IncidentRequests.With("title", "Report \u202Efdp.exe"), "title" },
        { IncidentRequests.With("reporter", new JsonObject { ["name"] = "Riley\nQuill", ["email"] = IncidentRequests.ReporterEmail }), "reporter.name" },
        { IncidentRequests.With("description", "Line one\u0007"), "description" },
        { IncidentRequests.With("publicBodies", new JsonArray(new JsonObject { ["name"] = "Ministry\u2066 of Examples", ["holds"] = "custody" })), "publicBodies[0].name" },
        { """{"publicBodies":""", "$" },
        { """[1,2]""", "$" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_BadInput_Returns400WithFieldErrorAndStoresNothing(string body, string field)
    {
        await using var app = new AppFactory(fixture.Services);

        var response = await app.ClientAs(Roles.PrivacyOfficer).PostAsync(
            "/api/incidents", new StringContent(body, Encoding.UTF8, "application/json"), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}' in {problem}");
        Assert.Equal(0, await CountRowsAsync(app, null));
        Assert.Equal(0, await OrchestrationsAsync(app)); // and no workflow started
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Auditor, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Approver, HttpStatusCode.Forbidden)]
    public async Task Post_WithoutOfficerRole_IsRefused(string? role, HttpStatusCode expected)
    {
        await using var app = new AppFactory(fixture.Services);

        var response = await app.ClientAs(role).PostAsJsonAsync("/api/incidents", IncidentRequests.Valid(), _ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(0, await CountRowsAsync(app, null));
    }

    [Fact]
    public async Task Get_WithForgedToken_Returns401()
    {
        await using var app = new AppFactory(fixture.Services);
        var client = app.CreateClient();
        var forged = LocalTokens.Mint(new AuthOptions { SigningKey = "another-key-that-is-long-enough-000000000" }, Roles.Auditor, "x", DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new("Bearer", forged);

        var response = await client.GetAsync("/api/incidents/inc-1", _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostWithKey(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/incidents") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, _ct);
    }

    private static async Task<int> CountRowsAsync(AppFactory app, string? rowKey)
    {
        var table = await app.Services.GetRequiredService<StorageClients>().TableAsync(StorageNames.IncidentsTable);
        var filter = rowKey is null ? null : $"RowKey eq '{rowKey}'";
        var count = 0;
        await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>(filter))
        {
            count++;
        }

        return count;
    }

    /// <summary>The orchestrations on the app's own task hub: none, unless an incident was reported.</summary>
    private static async Task<int> OrchestrationsAsync(AppFactory app)
    {
        var count = 0;
        await foreach (var _ in app.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>().GetAllInstancesAsync())
        {
            count++;
        }

        return count;
    }
}
