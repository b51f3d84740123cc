using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Notifications.Functions.Hosting;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Hosting;

/// <summary>HTTP functions are served at <c>/api/{Route}</c> with the catalogue's methods (contract §1.6).</summary>
public sealed class HttpFunctionMappingTests(DevServicesFixture fixture)
{
    [Fact]
    public void RealApp_MapsEveryCatalogueHttpFunction()
    {
        using var factory = RealApp();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        foreach (var function in FunctionCatalogue.All.OfType<HttpFunction>())
        {
            // One route may serve several functions (GET and POST /api/incidents); the function's own endpoint is the one named after it.
            var endpoint = endpoints.SingleOrDefault(e => SameRoute(e, function)
                && e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == function.Name);
            Assert.True(endpoint is not null, $"No endpoint is mapped at {HttpFunctionEndpoints.Pattern(function)} for {function.Name}.");
            AssertSameMethods(function, endpoint);
        }
    }

    [Fact]
    public void RealApp_ResolvesEveryCatalogueHandler()
    {
        using var factory = RealApp();
        using var scope = factory.Services.CreateScope();

        foreach (var function in FunctionCatalogue.All.Where(f => f is QueueFunction or TimerFunction))
        {
            Assert.NotNull(scope.ServiceProvider.GetRequiredService(FunctionHandlers.HandlerType(function)));
        }
    }

    [Fact]
    public async Task RealApp_InvocationRouteAndReadiness_NeedNoToken()
    {
        using var factory = RealApp().WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            services.UseFunctionCatalogue(TestCatalogue.All);
            services.AddSingleton<InvocationLog>();
        }));
        var host = new FakeFunctionsHost(factory.CreateClient());

        var outcome = await host.InvokeGoldenAsync("Intake", "queue-json-double-encoded.json");
        using var ready = await factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded, outcome.Failure + ": " + outcome.Body);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task MapHttpFunction_MapsRouteMethodsAndName()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();
        app.MapHttpFunction(TestCatalogue.GetThing, (string id) => TypedResults.Ok(new { id }));
        app.MapHttpFunction(TestCatalogue.PostThing, () => TypedResults.Accepted((string?)null));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var client = app.GetTestClient();

        using var get = await client.GetAsync(new Uri("/api/things/42", UriKind.Relative), TestContext.Current.CancellationToken);
        using var put = await client.PutAsync(new Uri("/api/things", UriKind.Relative), null, TestContext.Current.CancellationToken);
        using var wrongMethod = await client.DeleteAsync(new Uri("/api/things/42", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("42", await get.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        foreach (var function in new[] { TestCatalogue.GetThing, TestCatalogue.PostThing })
        {
            var endpoint = Assert.Single(endpoints, e => SameRoute(e, function));
            AssertSameMethods(function, endpoint);
            Assert.Equal(function.Name, endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName);
            Assert.Same(function, endpoint.Metadata.GetMetadata<HttpFunction>());
        }
    }

    private WebApplicationFactory<Program> RealApp() =>
        new AppFactory(fixture.Services).WithWebHostBuilder(web =>
            web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)));

    private static bool SameRoute(RouteEndpoint endpoint, HttpFunction function) =>
        string.Equals(endpoint.RoutePattern.RawText?.Trim('/'), HttpFunctionEndpoints.Pattern(function).Trim('/'),
            StringComparison.OrdinalIgnoreCase);

    private static void AssertSameMethods(HttpFunction function, RouteEndpoint endpoint)
    {
        var mapped = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
        Assert.Equal(
            function.Methods.Select(m => m.ToUpperInvariant()).Order(),
            mapped.Select(m => m.ToUpperInvariant()).Order());
    }
}
