using Microsoft.Azure.Functions.Worker.Builder;
using Notifications.Functions;
using Notifications.Functions.Hosting;

// The Azure Functions isolated worker. The host starts it and finds the functions in the generated functions.metadata;
// the local runtime (src/Notifications.LocalRuntime) runs the same function classes without the host.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpEdgeMiddleware>();
builder.Services.AddNotifications(builder.Configuration);
await builder.Build().RunAsync();
