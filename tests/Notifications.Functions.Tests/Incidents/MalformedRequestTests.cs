using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Notifications.Functions.Access;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Incidents;

/// <summary>
/// Every route that reads a JSON body goes through the one reader (<c>JsonBody</c>): each malformed body is a 400
/// naming the field (or <c>$</c>), a wrong content type a 415, a body over the limit a 413, and nothing is stored.
/// </summary>
public sealed class MalformedRequestTests(RefusingApp shared) : IClassFixture<RefusingApp>
{
    private const string Missing = "inc-000000000000000000000000";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>Method, path, role, and a field the route reads.</summary>
    private static readonly (string Method, string Path, string Role, string Field)[] JsonRoutes =
    [
        ("POST", "/api/incidents", Roles.PrivacyOfficer, "title"),
        ("PATCH", $"/api/incidents/{Missing}", Roles.PrivacyOfficer, "reason"),
        ("POST", $"/api/incidents/{Missing}/assessment/decision", Roles.PrivacyOfficer, "reason"),
        ("POST", $"/api/incidents/{Missing}/close", Roles.PrivacyOfficer, "reason"),
        ("POST", $"/api/incidents/{Missing}/containment/tasks", Roles.PrivacyOfficer, "title"),
        ("POST", $"/api/incidents/{Missing}/containment/tasks/task-1/complete", Roles.PrivacyOfficer, "note"),
        ("POST", $"/api/incidents/{Missing}/containment/tasks/task-1/wrong-recipients", Roles.PrivacyOfficer, "recipients"),
        ("POST", $"/api/incidents/{Missing}/letters/returned", Roles.PrivacyOfficer, "reason"),
        ("POST", $"/api/incidents/{Missing}/notices/content", Roles.PrivacyOfficer, "summary"),
        ("POST", $"/api/incidents/{Missing}/notices/approve", Roles.Approver, "templateVersion"),
        ("POST", $"/api/incidents/{Missing}/notification/complete", Roles.PrivacyOfficer, "method"),
        ("POST", $"/api/incidents/{Missing}/notification/indirect", Roles.PrivacyOfficer, "reason"),
    ];

    /// <summary>The five causes of the 500s, and the characters refused in any text; each names the field, or <c>$</c>.</summary>
    private static readonly Dictionary<string, Func<string, (byte[] Body, string Field)>> Causes = new()
    {
        ["duplicate key"] = f => (Utf8($$"""{"{{f}}":"a","{{f}}":"b"}"""), f),
        ["lone high surrogate"] = f => (Utf8($$"""{"{{f}}":"\ud83d"}"""), f),
        ["lone surrogate \\ud800"] = f => (Utf8($$"""{"{{f}}":"x\ud800"}"""), f),
        ["invalid UTF-8 in a name"] = f => ([.. Utf8($$"""{"{{f[..1]}}"""), 0xFF, .. Utf8($$"""{{f[1..]}}":"a"}""")], "$"),
        ["invalid UTF-8 in a value"] = f => ([.. Utf8($$"""{"{{f}}":"a"""), 0xFF, .. Utf8("""b"}""")], f),
        ["NUL character"] = f => (Utf8($$"""{"{{f}}":"a\u0000b"}"""), f),
        ["bidi override"] = f => (Utf8($$"""{"{{f}}":"abc\u202Etxt.exe"}"""), f),
    };

    public static TheoryData<string, string, string> RoutesAndCauses()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var route in JsonRoutes)
        {
            foreach (var cause in Causes.Keys)
            {
                data.Add(route.Method, route.Path, cause);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoutesAndCauses))]
    public async Task JsonRoute_MalformedBody_Returns400NamingTheFieldAndStoresNothing(string method, string path, string cause)
    {
        var route = JsonRoutes.Single(r => r.Method == method && r.Path == path);
        var (body, field) = Causes[cause](route.Field);

        var response = await Send(route.Role, method, path, body, "application/json");

        await AssertProblem(response, HttpStatusCode.BadRequest, field);
    }

    public static TheoryData<string, string, string?> WrongContentTypes => new()
    {
        { "POST", "/api/incidents", "text/csv" },
        { "POST", "/api/incidents", "application/xml" },
        { "POST", "/api/incidents", "multipart/form-data; boundary=x" },
        { "POST", "/api/incidents", null },
        { "PATCH", $"/api/incidents/{Missing}", "application/xml" },
        { "PATCH", $"/api/incidents/{Missing}", null },
        { "POST", $"/api/incidents/{Missing}/close", "text/plain" },
        { "POST", "/api/incidents", "application/json; charset=iso-8859-1" },
    };

    [Theory]
    [MemberData(nameof(WrongContentTypes))]
    public async Task JsonRoute_NotJson_Returns415ProblemAndStoresNothing(string method, string path, string? contentType)
    {
        var response = await Send(Roles.PrivacyOfficer, method, path, JsonSerializer.SerializeToUtf8Bytes(IncidentRequests.Valid()), contentType);

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, field: null);
    }

    [Fact]
    public async Task PatchAsMergePatchJson_IsRead()
    {
        var response = await Send(Roles.PrivacyOfficer, "PATCH", $"/api/incidents/{Missing}", Utf8("""{"reason":"r","cause":"theft"}"""), "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostIncident_5MbDescription_Returns413StatingTheLimit()
    {
        var body = IncidentRequests.Valid();
        body["description"] = new string('x', 5 * 1024 * 1024);

        var response = await Send(Roles.PrivacyOfficer, "POST", "/api/incidents", JsonSerializer.SerializeToUtf8Bytes(body), "application/json");

        var problem = await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, field: null);
        Assert.Contains("64 KiB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostIncident_DescriptionUnderTheBodyLimitButTooLong_KeepsItsFieldError()
    {
        var body = IncidentRequests.Valid();
        body["description"] = new string('x', 5000);

        var response = await Send(Roles.PrivacyOfficer, "POST", "/api/incidents", JsonSerializer.SerializeToUtf8Bytes(body), "application/json");

        await AssertProblem(response, HttpStatusCode.BadRequest, "description");
    }

    [Theory]
    [InlineData("POST", "/api/incidents", "été")]
    [InlineData("POST", "/api/incidents", "key\u2028two")]
    [InlineData("POST", $"/api/incidents/{Missing}/close", "clôture-1")]
    [InlineData("PATCH", $"/api/incidents/{Missing}", "ключ")]
    public async Task IdempotencyKey_NonAscii_Returns400SayingWhatTheKeyMayContain(string method, string path, string key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(IncidentRequests.Valid())) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await shared.App.ClientAs(Roles.PrivacyOfficer).SendAsync(request, _ct);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "Idempotency-Key");
        Assert.Contains("printable ASCII", problem.GetProperty("errors").GetProperty("Idempotency-Key")[0].GetString(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> Send(string role, string method, string path, byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        return await shared.App.ClientAs(role).SendAsync(request, _ct);
    }

    private async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? field)
    {
        var text = await response.Content.ReadAsStringAsync(_ct);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} instead of {(int)status}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}' in {text}");
        }

        Assert.Equal((0, 0), await shared.StoredAsync());
        return problem;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
