using System.Text.Json.Nodes;

namespace Notifications.Infrastructure.Tests.Deploy;

/// <summary>
/// The function app's app settings in infra/ match <c>local.settings.sample.json</c> <c>Values</c> key for key.
/// The only differences are listed here, each with its reason, so none is silent.
/// </summary>
public sealed class AppSettingsParityTests
{
    /// <summary>Local keys that must NOT exist in Azure.</summary>
    internal static readonly IReadOnlyDictionary<string, string> LocalOnly = new Dictionary<string, string>
    {
        ["FUNCTIONS_WORKER_RUNTIME"] =
            "Flex Consumption derives the worker from functionAppConfig.runtime and rejects this app setting (contract §7).",
    };

    /// <summary>Local keys that Azure spells differently.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Renamed = new Dictionary<string, string[]>
    {
        // A connection string locally (Azurite); identity-based in Azure, where the account refuses shared keys.
        // The host and StorageOptions both read the __accountName form (docs/adr/0002).
        ["AzureWebJobsStorage"] = ["AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential"],
    };

    [Fact]
    public async Task BicepAppSettings_MatchSampleValues_KeyForKey()
    {
        var local = await SampleKeysAsync();
        var azure = (await AzureAppSettingsAsync()).Select(p => p.Key).ToList();

        var expected = local.Where(k => !LocalOnly.ContainsKey(k))
            .SelectMany(k => Renamed.TryGetValue(k, out var names) ? names : [k])
            .ToHashSet(StringComparer.Ordinal);
        var missingInAzure = expected.Except(azure).Order().ToList();
        var notInSample = azure.Except(expected).Order().ToList();

        Assert.True(missingInAzure.Count == 0,
            $"In local.settings.sample.json but not in infra/ app settings: {string.Join(", ", missingInAzure)}");
        Assert.True(notInSample.Count == 0,
            $"In infra/ app settings but not in local.settings.sample.json (add them there, or to Renamed): {string.Join(", ", notInSample)}");
    }

    [Fact]
    public async Task AllowList_OnlyNamesKeysTheSampleHas()
    {
        var local = await SampleKeysAsync();

        var stale = LocalOnly.Keys.Concat(Renamed.Keys).Where(k => !local.Contains(k)).ToList();

        Assert.True(stale.Count == 0, $"Allow-list entries no longer in local.settings.sample.json: {string.Join(", ", stale)}");
    }

    [Fact]
    public async Task LocalOnlyKeys_AreAbsentFromTheWholeTemplate()
    {
        var template = (await Bicep.MainTemplateAsync()).ToJsonString();

        Assert.All(LocalOnly.Keys, key => Assert.DoesNotContain(key, template, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SmtpPassword_IsAKeyVaultReference_AndLocalSigningKeyIsEmpty()
    {
        var azure = await AzureAppSettingsAsync();

        // Compiled to an ARM format() expression around the secret's URI.
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", (string?)azure["Mail__Password"], StringComparison.Ordinal);
        Assert.Equal("", (string?)azure["Auth__SigningKey"]);
        Assert.Equal("managedidentity", (string?)azure["AzureWebJobsStorage__credential"]);
    }

    private static async Task<HashSet<string>> SampleKeysAsync()
    {
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(Repo.PathOf("local.settings.sample.json"),
            TestContext.Current.CancellationToken))!;
        return sample["Values"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The <c>Microsoft.Web/sites/config</c> "appsettings" resource (the only source of app settings).</summary>
    private static async Task<JsonObject> AzureAppSettingsAsync()
    {
        var template = await Bicep.MainTemplateAsync();
        var site = Assert.Single(Bicep.ResourcesOfType(template, "Microsoft.Web/sites"));
        Assert.Null(site["properties"]!["siteConfig"]!["appSettings"]);
        var config = Assert.Single(Bicep.ResourcesOfType(template, "Microsoft.Web/sites/config"),
            r => ((string?)r["name"])?.Contains("appsettings", StringComparison.OrdinalIgnoreCase) == true);
        return config["properties"]!.AsObject();
    }
}
