using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Notifications.Functions.Hosting;

namespace Notifications.Functions.Tests.Hosting;

/// <summary>The hosting layer alone (no feature endpoints) on a test server, with a test catalogue.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app)
    {
        App = app;
        Client = app.GetTestClient();
        Log = app.Services.GetRequiredService<InvocationLog>();
    }

    public WebApplication App { get; }
    public HttpClient Client { get; }
    public InvocationLog Log { get; }
    public FakeFunctionsHost Host => new(Client);

    public static async Task<TestApp> StartAsync(
        IEnumerable<FunctionDefinition> functions,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddFunctionsHosting(args ?? []);
        builder.Services.UseFunctionCatalogue(functions);
        builder.Services.AddSingleton<InvocationLog>();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapFunctionsHosting();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}

/// <summary>Polls a condition until it holds; the timeout is generous and never asserted on.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            try
            {
                await Task.Delay(50, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Condition never held: {what}.");
            }
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout);
}
