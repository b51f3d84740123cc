using Notifications.Functions;
using Notifications.Functions.Hosting;

if (await Cli.TryRunAsync(args))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddFunctionsHosting(args);
builder.AddNotifications();

var app = builder.Build();
app.UseNotifications();
app.MapFunctionsHosting();
app.MapNotifications();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
