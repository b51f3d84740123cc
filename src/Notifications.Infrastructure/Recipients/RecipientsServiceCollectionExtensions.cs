using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Notifications.Infrastructure.Recipients;

public static class RecipientsServiceCollectionExtensions
{
    /// <summary>The recipient importer, reader, contact-data purger and returned-letter recorder. Needs <c>AddInfrastructure</c> (storage and the clock).</summary>
    public static IServiceCollection AddRecipients(this IServiceCollection services)
    {
        services.TryAddSingleton<RecipientImporter>();
        services.TryAddSingleton<RecipientStore>();
        services.TryAddSingleton<ContactDataPurger>();
        services.TryAddSingleton<ReturnedLetterRecorder>();
        return services;
    }
}
