using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Notifications.Functions.Access;
using Notifications.LocalRuntime;

namespace Notifications.Functions.Tests.Hosting;

/// <summary>The local runtime alone on a test server, running <see cref="TestFunctions"/> from a metadata file of its own.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly string _metadata;

    private TestApp(WebApplication app, string metadata)
    {
        App = app;
        _metadata = metadata;
        Client = app.GetTestClient();
        Log = app.Services.GetRequiredService<InvocationLog>();
    }

    public WebApplication App { get; }
    public HttpClient Client { get; }
    public InvocationLog Log { get; }

    public static async Task<TestApp> StartAsync(
        string[] functions,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        // Beside the test assembly, which its scriptFile names (relative to the metadata, as the host resolves it).
        var metadata = Path.Combine(AppContext.BaseDirectory, $"functions-{Guid.NewGuid():N}.metadata");
        await File.WriteAllTextAsync(metadata, TestMetadata.Json(functions), TestContext.Current.CancellationToken);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hosting:FunctionsMetadataPath"] = metadata,
            ["Auth:SigningKey"] = AppFactory.SigningKey,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.AddAccess(builder.Configuration);
        builder.Services.AddSingleton<InvocationLog>();
        services?.Invoke(builder.Services);
        builder.AddLocalRuntime();

        var app = builder.Build();
        app.MapLocalRuntime();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestApp(app, metadata);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        File.Delete(_metadata);
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
