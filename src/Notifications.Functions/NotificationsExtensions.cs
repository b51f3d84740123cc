using Microsoft.Extensions.DependencyInjection.Extensions;
using Notifications.Functions.Access;
using Notifications.Functions.Configuration;
using Notifications.Functions.Containment;
using Notifications.Functions.Reports;
using Notifications.Functions.Health;
using Notifications.Functions.Hosting;
using Notifications.Functions.Incidents;
using Notifications.Functions.Letters;
using Notifications.Functions.Notices;
using Notifications.Functions.Reminders;
using Notifications.Infrastructure;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Notices;
using Notifications.Infrastructure.Recipients;

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
        services.AddSingleton<PolicySelection>();
        services.AddInfrastructure(configuration).AddRecipients().AddFanOut(configuration);
        services.TryAddSingleton<NoticeRenderer>();
        services.TryAddSingleton<IncidentNoticeSource>();
        services.TryAddSingleton<INoticeSource>(sp => sp.GetRequiredService<IncidentNoticeSource>());
        services.TryAddSingleton<NoticeCompletion>();
        services.TryAddSingleton<NoticeContentScreen>();
        services.TryAddSingleton<LetterExporter>();
        services.AddAccess(configuration);
        services.AddNotificationsTelemetry(configuration);
        services.AddOptions<PrivacyOfficeOptions>().Bind(configuration.GetSection("PrivacyOffice")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CommissionerOptions>().Bind(configuration.GetSection("Commissioner")).ValidateDataAnnotations().ValidateOnStart();
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
        app.MapContainment();
        app.MapDeletionConfirmation();
        app.MapPublicNotice();
        app.MapCommissionerReport();
        app.MapNoticeContent();
        app.MapNotification();
        app.MapLetters();
        app.MapHttpFunction(GetHealth.Function, GetHealth.Handle).AllowAnonymous();
        return app;
    }
}
