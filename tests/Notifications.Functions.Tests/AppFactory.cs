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
public sealed class AppFactory(
    DevServices services, Action<IServiceCollection>? configure = null, bool runTriggers = false, IReadOnlyDictionary<string, string?>? overrides = null) : WebApplicationFactory<LocalRuntime.Program>
{
    public const string SigningKey = "test-signing-key-0123456789abcdef0123456789";

    public string Prefix { get; } = Names.Unique("app");

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public Dictionary<string, string?> Settings => new(TestServices.Settings(services, Prefix))
    {
        ["Auth:SigningKey"] = SigningKey,
        // The notices fan-out: no provider quota in tests.
        ["FanOut:PerMinute"] = "1000000",
        ["FanOut:PerHour"] = "2000000000", // far above the minute: a test can spend a minute (RunDriver.LeaveQuotaAsync) and leave the hour
        [LocalRuntime.LocalRuntimeExtensions.RunTriggersSetting] = runTriggers ? "true" : "false",
        // Each app has a task hub of its own (named after its prefix) on one partition, polled often; commands wait for
        // their outcome long enough not to answer 202 on a busy machine (WorkflowTests pin the 202 with a wait of 0).
        ["Hosting:Durable:PartitionCount"] = "1",
        ["Hosting:Durable:MaxQueuePollingInterval"] = "00:00:00.200",
        ["Workflow:CommandWait"] = "00:00:30",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(Settings).AddInMemoryCollection(overrides ?? new Dictionary<string, string?>()));
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            configure?.Invoke(s);
        });
    }

    /// <summary>
    /// Records an event around the endpoints (content stored before a check existed, say): through the incident's
    /// inbox and orchestration like any other, waiting until it is decided; returns its outcome.
    /// </summary>
    public async Task<Infrastructure.Workflow.EventOutcome> RecordAsync(string id, Domain.Incidents.IncidentEvent inbound, Domain.Incidents.Actor actor)
    {
        var workflow = Services.GetRequiredService<Infrastructure.Workflow.IncidentWorkflow>();
        var entry = await workflow.SubmitAndWaitAsync(Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>(), id, inbound, actor,
            TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        return entry.Outcome;
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
