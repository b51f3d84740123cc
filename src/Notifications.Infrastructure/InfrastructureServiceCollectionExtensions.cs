using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Notifications.Domain.Incidents;
using Notifications.Domain.Reports;
using Notifications.Infrastructure.Email;
using Notifications.Infrastructure.Links;
using Notifications.Infrastructure.Storage;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>Storage, the incident workflow's store and applier, and the mail sender, bound from configuration and validated at start-up.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>()
            .Configure(o =>
            {
                // The same setting the Functions host reads: a connection string, or identity-based sub-keys.
                var storage = configuration.GetSection("AzureWebJobsStorage");
                o.ConnectionString = storage.Value;
                o.AccountName = storage["accountName"];
                o.NamePrefix = configuration["Storage:NamePrefix"] ?? "";
            })
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString) || !string.IsNullOrWhiteSpace(o.AccountName),
                "Set AzureWebJobsStorage (a connection string) or AzureWebJobsStorage__accountName.")
            .Validate(o => o.NamePrefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)),
                "Storage:NamePrefix may hold lowercase letters and digits only.")
            .ValidateOnStart();
        services.AddOptions<MailOptions>().Bind(configuration.GetSection("Mail")).ValidateDataAnnotations().ValidateOnStart();

        // The privacy office's contact person, named in the Commissioner's report.
        services.TryAddSingleton(_ => new ContactPerson(
            configuration["PrivacyOffice:Name"] ?? "Privacy Office",
            configuration["PrivacyOffice:Title"],
            configuration["PrivacyOffice:Email"] ?? throw new InvalidOperationException("Set PrivacyOffice__Email."),
            configuration["PrivacyOffice:Phone"]));
        services.TryAddSingleton(sp => new IncidentDecider(sp.GetRequiredService<ContactPerson>()));
        services.AddSingleton<StorageClients>();
        services.AddSingleton<IncidentStore>();
        services.AddSingleton<IncidentApplier>();
        services.AddSingleton<IncidentWorkflow>();
        services.AddSingleton<SendOnce>();
        services.AddOptions<LinkOptions>().Bind(configuration.GetSection("Links"))
            .Validate(o => o.SigningKey.Length >= 32, "Set Links__SigningKey (32+ characters; a Key Vault secret in Azure).")
            .ValidateOnStart();
        services.TryAddSingleton<SignedLinks>();
        services.TryAddSingleton<SmtpEmailSender>();
        services.TryAddSingleton<SimulatedEmailSender>();
        services.TryAddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Simulate
            ? sp.GetRequiredService<SimulatedEmailSender>()
            : sp.GetRequiredService<SmtpEmailSender>());
        return services;
    }
}
