using Microsoft.Extensions.DependencyInjection.Extensions;
using Notifications.Functions.Access;
using Notifications.Functions.Configuration;
using Notifications.Functions.Incidents;
using Notifications.Functions.Letters;
using Notifications.Functions.Notices;
using Notifications.Functions.Reminders;
using Notifications.Functions.Reports;
using Notifications.Infrastructure;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Notices;
using Notifications.Infrastructure.Recipients;

namespace Notifications.Functions;

/// <summary>
/// The app's services: the same call composes the isolated worker (<c>Program.cs</c>) and the local runtime. Function
/// classes are not registered: the worker (and the local runtime) create one per invocation from these services.
/// </summary>
public static class NotificationsExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        // The ASP.NET Core host logs every request's whole URL, query included, and the public routes' links carry one-time
        // signed tokens: its request log is off, and HttpEdge logs each request with the public routes' query values redacted.
        services.AddLogging(b => b.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        services.ConfigureHttpJsonOptions(o =>
        {
            foreach (var converter in Infrastructure.Workflow.WorkflowJson.Options.Converters)
            {
                o.SerializerOptions.Converters.Add(converter);
            }
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PolicySelection>();
        services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IncidentCommands>();
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
        services.AddOptions<Dashboard.DashboardOptions>().Bind(configuration.GetSection(Dashboard.DashboardOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Dashboard:TimeZone must be an IANA time zone id, such as America/Vancouver.")
            .ValidateOnStart();
        services.AddOptions<CommissionerOptions>().Bind(configuration.GetSection("Commissioner")).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
