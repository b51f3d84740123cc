using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Notifications.Infrastructure.Email;
using Notifications.Infrastructure.Recipients;

namespace Notifications.Infrastructure.FanOut;

public static class FanOutServiceCollectionExtensions
{
    /// <summary>
    /// The fan-out: planner, batch sender, delivery-report recorder, halt control, progress, the provider quota, and an SMTP pool of
    /// <see cref="FanOutOptions.MaxConcurrency"/> connections. Options from section <c>FanOut</c>, validated at start-up.
    /// An <see cref="INoticeSource"/> must be registered by the caller. Works before or after <c>AddInfrastructure</c>.
    /// </summary>
    public static IServiceCollection AddFanOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FanOutOptions>().Bind(configuration.GetSection(FanOutOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.HaltCacheTtl > TimeSpan.Zero && o.HaltCacheTtl <= TimeSpan.FromSeconds(1), "FanOut:HaltCacheTtl must be over 0 and at most 1 s.")
            .Validate(o => o.RetryDelay >= TimeSpan.Zero && o.SendingLease >= TimeSpan.Zero, "FanOut:RetryDelay and FanOut:SendingLease must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddRecipients();
        services.Replace(ServiceDescriptor.Singleton(sp => new SmtpEmailSender(
            sp.GetRequiredService<IOptions<MailOptions>>(), sp.GetRequiredService<IOptions<FanOutOptions>>().Value.MaxConcurrency)));
        services.TryAddSingleton<FanOutQuota>();
        services.TryAddSingleton<FanOutControl>();
        services.TryAddSingleton<FanOutPlanner>();
        services.TryAddSingleton<FanOutProgress>();
        services.TryAddSingleton<NotificationBatchSender>();
        services.TryAddSingleton<DeliveryReportRecorder>();
        return services;
    }
}
