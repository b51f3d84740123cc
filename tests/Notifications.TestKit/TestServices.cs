using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Notifications.Infrastructure;

namespace Notifications.TestKit;

/// <summary>The app's infrastructure wired to the real dev services, isolated by a unique name prefix.</summary>
public static class TestServices
{
    public static Dictionary<string, string?> Settings(DevServices services, string prefix) => new()
    {
        ["AzureWebJobsStorage"] = services.StorageConnectionString,
        ["Storage:NamePrefix"] = prefix,
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = services.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:From"] = "privacy-notices@example.test",
        ["PrivacyOffice:Email"] = "privacy.office@example.test",
        ["PrivacyOffice:Phone"] = "250-555-0142",
        ["Commissioner:Email"] = "commissioner@example.test",
        ["Links:SigningKey"] = "test-links-signing-key-0123456789abcdef0123",
    };

    public static ServiceProvider Build(DevServices services, string prefix, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(services, prefix)).Build();
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        collection.AddSingleton<IConfiguration>(configuration);
        configure?.Invoke(collection);
        collection.AddInfrastructure(configuration);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
