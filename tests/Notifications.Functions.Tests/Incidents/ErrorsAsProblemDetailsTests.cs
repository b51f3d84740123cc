using System.Net;
using System.Text;
using Notifications.Functions.Access;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Incidents;

/// <summary>
/// Every error of every route is problem details: the 404 of each route of an incident that does not exist, and the
/// public pages' refusals (HTML only for a browser that asks for it).
/// </summary>
public sealed class ErrorsAsProblemDetailsTests(DevServicesFixture fixture) : IAsyncLifetime
{
    private const string Missing = "inc-000000000000000000000000";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly AppFactory _app = new(fixture.Services);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    public static TheoryData<string, string, string, string?, string?> RoutesOfAnIncident => new()
    {
        { "GET", $"/api/incidents/{Missing}", Roles.Auditor, null, null },
        { "GET", $"/api/incidents/{Missing}/history", Roles.Auditor, null, null },
        { "GET", $"/api/incidents/{Missing}/events/reported", Roles.Auditor, null, null },
        { "GET", $"/api/incidents/{Missing}/commissioner-report", Roles.Auditor, null, null },
        { "GET", $"/api/incidents/{Missing}/letters", Roles.PrivacyOfficer, null, null },
        { "GET", $"/api/incidents/{Missing}/letters/blocked", Roles.PrivacyOfficer, null, null },
        { "GET", $"/api/incidents/{Missing}/notification", Roles.Auditor, null, null },
        { "GET", $"/api/incidents/{Missing}/notices/preview?line=2", Roles.Approver, null, null },
        { "POST", $"/api/incidents/{Missing}/recipients", Roles.PrivacyOfficer, "text/csv", "person_id\n" },
        { "POST", $"/api/incidents/{Missing}/close", Roles.PrivacyOfficer, "application/json", """{"reason":"done"}""" },
        { "PATCH", $"/api/incidents/{Missing}", Roles.PrivacyOfficer, "application/json", """{"reason":"r","cause":"theft"}""" },
        { "POST", $"/api/incidents/{Missing}/contact-data/purge", Roles.PrivacyOfficer, null, null },
        { "POST", $"/api/incidents/{Missing}/notification/halt", Roles.PrivacyOfficer, null, null },
        { "GET", $"/api/public/notices/{Missing}", "", null, null },
    };

    [Theory]
    [MemberData(nameof(RoutesOfAnIncident))]
    public async Task UnknownIncident_AnyRoute_Answers404AsProblemJson(string method, string path, string role, string? contentType, string? body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body ?? ""));
        if (contentType is not null)
        {
            content.Headers.ContentType = new(contentType);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        var response = await _app.ClientAs(role.Length == 0 ? null : role).SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(_ct)).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }


    [Theory]
    [InlineData("GET", HttpStatusCode.BadRequest)]
    [InlineData("POST", HttpStatusCode.BadRequest)]
    public async Task ConfirmationLink_Forged_IsProblemDetails_OrAPageForABrowser(string method, HttpStatusCode status)
    {
        var client = _app.CreateClient();
        HttpRequestMessage Request() => method == "GET"
            ? new HttpRequestMessage(HttpMethod.Get, "/api/public/containment/confirm?token=forged")
            : new HttpRequestMessage(HttpMethod.Post, "/api/public/containment/confirm") { Content = new FormUrlEncodedContent([new("token", "forged")]) };

        using var api = Request();
        var problem = await client.SendAsync(api, _ct);
        using var browser = Request();
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        var page = await client.SendAsync(browser, _ct);

        Assert.Equal((status, "application/problem+json"), (problem.StatusCode, problem.Content.Headers.ContentType?.MediaType));
        Assert.Equal((status, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
    }

    [Theory]
    [InlineData("GET", "/api/no-such-route", HttpStatusCode.NotFound)]
    [InlineData("PUT", "/api/incidents", HttpStatusCode.MethodNotAllowed)]
    public async Task NoFunctionForTheRequest_IsProblemDetails(string method, string path, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        var response = await _app.ClientAs(Roles.Auditor).SendAsync(request, _ct);

        Assert.Equal((status, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task ConfirmationLink_BrokenMultipartForm_IsRefusedNot500()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\nabc"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");

        var response = await _app.CreateClient().PostAsync("/api/public/containment/confirm", content, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
