using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Notifications.Functions.Access;
using Notifications.Functions.Tests.Incidents;
using Notifications.TestKit;
using Notifications.TestKit.FanOut;

namespace Notifications.Functions.Tests.Recipients;

/// <summary>One app and one incident, to which every upload of these tests is refused with nothing imported.</summary>
public sealed class IncidentApp(DevServicesFixture fixture) : IAsyncLifetime
{
    public AppFactory App { get; } = new(fixture.Services);

    public string IncidentId { get; private set; } = "";

    public async ValueTask InitializeAsync() =>
        IncidentId = await App.ClientAs(Roles.PrivacyOfficer).CreateIncidentAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// A multipart body that breaks the format, or a cell with a control or bidi-override character, is a 400 naming the
/// part (or the cell's line and column), and nothing is imported.
/// </summary>
public sealed class MalformedImportTests(IncidentApp shared) : IClassFixture<IncidentApp>
{
    private const string Row = "P-1,Ada,Lovelace,ada@example.test,,en,BC,client:1,,,";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> MalformedMultipart => new()
    {
        // The boundary of the Content-Type is not the body's.
        { "other-boundary", Part("real-boundary", "recipients", FanOutCsv.Header + "\n" + Row) + "--real-boundary--\r\n", "$" },
        // More than 16 KiB before the first boundary.
        { "b", new string('x', 17 * 1024) + "\r\n" + Part("b", "recipients", FanOutCsv.Header + "\n" + Row) + "--b--\r\n", "$" },
        // The recipients part is cut off before its closing boundary.
        { "b", Part("b", "recipients", FanOutCsv.Header + "\n" + Row + "\n"), "recipients" },
        // The system of record is cut off before its closing boundary.
        { "b", Part("b", "systemOfRecord", "person_id,email\nP-1,ada@example.test\n"), "systemOfRecord" },
    };

    [Theory]
    [MemberData(nameof(MalformedMultipart))]
    public async Task Post_MalformedMultipart_Returns400NamingThePartAndImportsNothing(string boundary, string body, string field)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");

        var response = await shared.App.ClientAs(Roles.PrivacyOfficer).PostAsync($"/api/incidents/{shared.IncidentId}/recipients", content, _ct);

        await AssertRefused(response, field);
    }

    public static TheoryData<string, string> UnsafeCells => new()
    {
        { "P-1,Ada\0,Lovelace,ada@example.test,,en,BC,client:1,,,", "recipients:line 2:given_name" },
        { "P-1,Ada,Love\u202Elace,ada@example.test,,en,BC,client:1,,,", "recipients:line 2:family_name" },
        { "P-1\u0007,Ada,Lovelace,ada@example.test,,en,BC,client:1,,,", "recipients:line 2:person_id" },
        { "P-1,Ada,Lovelace,ada@example.test,\"1 Main St\u2066\nVictoria BC\",en,BC,client:1,,,", "recipients:line 2:postal_address" },
        { "P-1,\"Ada\nLovelace\",Lovelace,ada@example.test,,en,BC,client:1,,,", "recipients:line 2:given_name" },
    };

    [Theory]
    [MemberData(nameof(UnsafeCells))]
    public async Task Post_CellWithControlOrBidiCharacter_Returns400AtItsLineAndColumn(string row, string key)
    {
        var csv = FanOutCsv.Header + "\n" + row + "\n";

        var response = await shared.App.ClientAs(Roles.PrivacyOfficer).PostAsync(
            $"/api/incidents/{shared.IncidentId}/recipients", new StringContent(csv, Encoding.UTF8, "text/csv"), _ct);

        await AssertRefused(response, key);
    }

    private async Task AssertRefused(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync(_ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"no error for '{field}' in {text}");
        var state = await shared.App.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>($"/api/incidents/{shared.IncidentId}", _ct);
        Assert.Equal(JsonValueKind.Null, state.GetProperty("recipients").ValueKind);
    }

    private static string Part(string boundary, string name, string content) =>
        $"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{name}.csv\"\r\nContent-Type: text/csv\r\n\r\n{content}";
}
