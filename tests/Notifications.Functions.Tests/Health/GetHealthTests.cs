using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Health;

public sealed class GetHealthTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_StorageAndSmtpUp_Returns200WithoutAToken()
    {
        await using var app = new AppFactory(fixture.Services);

        var response = await app.CreateClient().GetAsync("/api/health", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal("ok", body.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("smtp").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_SmtpDown_Returns503NamingSmtp()
    {
        await using var app = new AppFactory(fixture.Services);
        var down = app.WithWebHostBuilder(b => b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Mail:Port"] = DevServices.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        var response = await down.CreateClient().GetAsync("/api/health", _ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal("ok", body.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("unreachable", body.GetProperty("smtp").GetProperty("status").GetString());
    }
}
