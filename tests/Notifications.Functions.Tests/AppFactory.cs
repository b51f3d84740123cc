using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Notifications.Functions.Access;
using Notifications.TestKit;

namespace Notifications.Functions.Tests;

/// <summary>The real app on a test server, wired to real Azurite and maildev with a unique name prefix.</summary>
/// <remarks>HTTP functions only, unless <c>runTriggers</c>: the local runtime's queue listeners and timers are off, and tests
/// deliver queue messages and fire timers themselves (<see cref="QueueDriver"/>).</remarks>
public sealed class AppFactory(DevServices services, Action<IServiceCollection>? configure = null, bool runTriggers = false) : WebApplicationFactory<LocalRuntime.Program>
{
    public const string SigningKey = "test-signing-key-0123456789abcdef0123456789";

    public string Prefix { get; } = Names.Unique("app");

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public Dictionary<string, string?> Settings => new(TestServices.Settings(services, Prefix))
    {
        ["Auth:SigningKey"] = SigningKey,
        // The notices fan-out: no provider quota in tests.
        ["FanOut:PerMinute"] = "1000000",
        ["FanOut:PerHour"] = "1000000",
        [LocalRuntime.LocalRuntimeExtensions.RunTriggersSetting] = runTriggers ? "true" : "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(Settings));
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            configure?.Invoke(s);
        });
    }

    public HttpClient ClientAs(string? role)
    {
        var client = CreateClient();
        if (role is not null)
        {
            var token = LocalTokens.Mint(new AuthOptions { SigningKey = SigningKey }, role, $"test-{role.ToLowerInvariant()}", DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}
