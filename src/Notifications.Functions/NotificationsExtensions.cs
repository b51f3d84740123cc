using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Notifications.Domain.Incidents;
using Notifications.Functions.Access;
using Notifications.Functions.Configuration;
using Notifications.Functions.Health;
using Notifications.Functions.Hosting;
using Notifications.Functions.Incidents;
using Notifications.Functions.Reminders;
using Notifications.Infrastructure;

namespace Notifications.Functions;

/// <summary>The composition root's building blocks: services, middleware and endpoints of every feature.</summary>
public static class NotificationsExtensions
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddLocalSettings(Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json"));
        builder.Configuration.AddEnvironmentVariables();
        var configuration = builder.Configuration;
        var services = builder.Services;

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            foreach (var converter in Infrastructure.Workflow.WorkflowJson.Options.Converters)
            {
                o.SerializerOptions.Converters.Add(converter);
            }
        });
        services.TryAddSingleton(sp => DeadlinePolicyFrom(sp.GetRequiredService<IConfiguration>()));
        services.AddInfrastructure(configuration);
        services.AddAccess(configuration);
        services.AddNotificationsTelemetry(configuration);
        services.AddOptions<PrivacyOfficeOptions>().Bind(configuration.GetSection("PrivacyOffice")).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    public static WebApplication UseNotifications(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        app.MapIncidents();
        app.MapHttpFunction(GetHealth.Function, GetHealth.Handle).AllowAnonymous();
        return app;
    }

    /// <summary>BC FOIPPA defaults, with the reminder offsets from <c>Reminders:Offsets</c> (comma-separated TimeSpans).</summary>
    public static DeadlinePolicy DeadlinePolicyFrom(IConfiguration configuration)
    {
        var policy = DeadlinePolicy.BcFoippaDefault;
        var offsets = configuration["Reminders:Offsets"];
        return string.IsNullOrWhiteSpace(offsets)
            ? policy
            : policy with
            {
                ReminderOffsets = offsets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(o => TimeSpan.Parse(o, CultureInfo.InvariantCulture))
                    .ToList(),
            };
    }
}
