using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Containment;

/// <summary>The one-time signed token of a containment-confirmation link is never written to a log.</summary>
public sealed class ConfirmationLinkLogTests(DevServicesFixture fixture)
{
    private const string Token = "v1.SECRET-TOKEN-0123456789abcdef.signature";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublicRoutes_TokenInTheQuery_IsNotLogged()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new AppFactory(fixture.Services, s => s.AddSingleton<ILoggerProvider>(logs),
            overrides: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information" });
        var client = app.CreateClient();

        var shown = await client.GetAsync($"/api/public/containment/confirm?token={Token}", _ct);
        var posted = await client.PostAsync($"/api/public/containment/confirm?token={Token}", new FormUrlEncodedContent([]), _ct);
        var notice = await client.GetAsync($"/api/public/notices/none?token={Token}", _ct);

        Assert.Equal(HttpStatusCode.BadRequest, shown.StatusCode); // a forged link: refused, and still not logged
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notice.StatusCode);
        // Each request is logged, with its query's names and without their values.
        Assert.Equal(2, logs.Entries.Count(e => e.Contains("/api/public/containment/confirm?token=[redacted]", StringComparison.Ordinal)));
        Assert.Single(logs.Entries, e => e.Contains("/api/public/notices/none?token=[redacted]", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Contains("SECRET-TOKEN", StringComparison.Ordinal));
    }
}
