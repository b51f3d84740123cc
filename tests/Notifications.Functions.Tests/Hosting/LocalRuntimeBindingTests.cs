using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Notifications.Functions.Access;
using Notifications.LocalRuntime;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Hosting;

/// <summary>
/// One source: the local runtime binds every function of the generated functions.metadata (a route, a queue listener
/// or a timer) and nothing else, so a new <c>[Function]</c> runs locally with no other edit.
/// </summary>
public sealed class LocalRuntimeBindingTests(DevServicesFixture fixture)
{
    [Fact]
    public async Task RealApp_BindsEveryFunctionOfTheMetadata()
    {
        await using var app = new AppFactory(fixture.Services, runTriggers: true).WithWebHostBuilder(web =>
            web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)));
        _ = app.Server; // started: routes mapped, listeners and timers running
        var functions = app.Services.GetRequiredService<LocalFunctions>().All;
        var bound = app.Services.GetRequiredService<BoundFunctions>();

        await Eventually.HoldsAsync(() => bound.All.Count == functions.Count, "every function is bound");

        Assert.Equal(functions.Select(f => f.Name).Order(), bound.All.Keys.Order());
        foreach (var function in functions)
        {
            var expected = function.Trigger switch
            {
                HttpTrigger h => $"http {string.Join(",", h.Methods)} /{h.Route}",
                QueueTrigger q => $"queue {app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Storage:NamePrefix"]}{q.QueueName}",
                TimerTrigger t => $"timer {t.Schedule}",
                OrchestrationTrigger => "orchestration",
                ActivityTrigger => "activity",
                _ => "",
            };
            Assert.Equal(expected, bound.All[function.Name]);
        }
    }

    [Fact]
    public async Task HttpFunction_GetsItsRouteValue_AndItsResultIsExecuted()
    {
        await using var app = await TestApp.StartAsync(["GetThing", "PostThing"]);
        app.Client.DefaultRequestHeaders.Authorization = new("Bearer", Token(Roles.Auditor));

        using var get = await app.Client.GetAsync(new Uri("/api/things/42", UriKind.Relative), TestContext.Current.CancellationToken);
        using var put = await app.Client.PutAsync(new Uri("/api/things", UriKind.Relative), null, TestContext.Current.CancellationToken);
        using var wrongMethod = await app.Client.DeleteAsync(new Uri("/api/things/42", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("42", (await get.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode); // an IActionResult
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-a-token", HttpStatusCode.Unauthorized)]
    public async Task HttpFunction_WithoutAValidToken_IsRefusedWithAProblem(string? token, HttpStatusCode expected)
    {
        await using var app = await TestApp.StartAsync(["GetThing"]);
        if (token is not null)
        {
            app.Client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        using var response = await app.Client.GetAsync(new Uri("/api/things/1", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task HttpFunction_ThatThrows_AnswersA500Problem()
    {
        await using var app = await TestApp.StartAsync(["Throws"]);

        using var response = await app.Client.GetAsync(new Uri("/api/throws", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Always fails", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpFunction_WithoutAnAuthorizationDeclaration_StopsTheRuntimeAtStart()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(["Unguarded"]));

        Assert.Contains("Unguarded", failure.Message, StringComparison.Ordinal);
    }

    private static string Token(string role) =>
        LocalTokens.Mint(new AuthOptions { SigningKey = AppFactory.SigningKey }, role, "test", DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
}
