using System.Text.Json.Nodes;
using Notifications.Infrastructure.FanOut;

namespace Notifications.Infrastructure.Tests.Deploy;

/// <summary>infra/main.bicep compiles with the pinned Bicep CLI, lint-clean, and says what the contract requires.</summary>
public sealed class BicepCompileTests
{
    /// <summary>Required parameters that deliberately stay out of main.parameters.json (docs/deploy.md passes them).</summary>
    private static readonly HashSet<string> CommandLineParameters =
        ["smtpClientId", "smtpServicePrincipalObjectId", "smtpClientSecret", "linksSigningKey"];

    [Fact]
    public async Task MainBicep_Builds_WithExitCodeZeroAndNoWarnings()
    {
        var build = await Bicep.BuildMainAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        // Linter findings go to stderr; any finding, warning or error, fails (levels in infra/bicepconfig.json).
        Assert.True(string.IsNullOrWhiteSpace(build.StdErr), build.ToString());
        Assert.StartsWith("{", build.StdOut.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MainBicep_Outputs_FunctionAppNameHostNameAndStorageAccount()
    {
        var template = await Bicep.MainTemplateAsync();

        var outputs = template["outputs"]!.AsObject();

        Assert.Contains("functionAppName", outputs.Select(o => o.Key));
        Assert.Contains("defaultHostName", outputs.Select(o => o.Key));
        Assert.Contains("storageAccountName", outputs.Select(o => o.Key));
    }

    [Fact]
    public async Task FunctionApp_IsFlexConsumptionLinux_WithDotnetIsolated10AndIdentityDeploymentStorage()
    {
        var template = await Bicep.MainTemplateAsync();

        var plan = Assert.Single(Bicep.ResourcesOfType(template, "Microsoft.Web/serverfarms"));
        var site = Assert.Single(Bicep.ResourcesOfType(template, "Microsoft.Web/sites"));
        var config = site["properties"]!["functionAppConfig"]!;

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool?)plan["properties"]!["reserved"]);
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal("SystemAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.Equal("blobContainer", (string?)config["deployment"]!["storage"]!["type"]);
        Assert.Equal("SystemAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
    }

    [Fact]
    public async Task StorageAccount_RefusesSharedKeys()
    {
        var template = await Bicep.MainTemplateAsync();

        var account = Assert.Single(Bicep.ResourcesOfType(template, "Microsoft.Storage/storageAccounts"));

        Assert.Equal("StorageV2", (string?)account["kind"]);
        Assert.False((bool?)account["properties"]!["allowSharedKeyAccess"]);
    }

    [Fact]
    public async Task KeyVault_UsesRbac_AndAppIdentityGetsOnlyTheDataRolesItNeeds()
    {
        var template = await Bicep.MainTemplateAsync();

        var vault = Assert.Single(Bicep.ResourcesOfType(template, "Microsoft.KeyVault/vaults"));
        var roleIds = template.ToJsonString();

        Assert.True((bool?)vault["properties"]!["enableRbacAuthorization"]);
        // Blob Data Owner, Queue Data Contributor, Table Data Contributor, Key Vault Secrets User.
        Assert.Contains("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", roleIds, StringComparison.Ordinal);
        Assert.Contains("974c5e8b-45b9-4653-ba55-5f855dd0fb88", roleIds, StringComparison.Ordinal);
        Assert.Contains("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", roleIds, StringComparison.Ordinal);
        Assert.Contains("4633458b-17de-408a-b874-0445c86b69e6", roleIds, StringComparison.Ordinal);
        // Never the broad ones: Owner, Contributor, Storage Account Contributor.
        Assert.DoesNotContain("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", roleIds, StringComparison.Ordinal);
        Assert.DoesNotContain("b24988ac-6180-42a0-ab88-20f7382dd24c", roleIds, StringComparison.Ordinal);
        Assert.DoesNotContain("17d1049b-9a84-46fb-8f53-869881c3d3ab", roleIds, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliveryReports_GoFromCommunicationServicesThroughEventGridIntoTheAppsQueue()
    {
        var template = await Bicep.MainTemplateAsync();

        var topic = Assert.Single(Bicep.ResourcesOfType(template, "Microsoft.EventGrid/systemTopics"));
        var subscription = Assert.Single(Bicep.ResourcesOfType(template, "Microsoft.EventGrid/systemTopics/eventSubscriptions"))["properties"]!;
        var delivery = subscription["deliveryWithResourceIdentity"]!;
        var module = Assert.Single(Bicep.ResourcesOfType(template, "Microsoft.Resources/deployments"), d => (string?)d["name"] == "deliveryreports");

        Assert.Equal("Microsoft.Communication.CommunicationServices", (string?)topic["properties"]!["topicType"]);
        Assert.Equal("SystemAssigned", (string?)topic["identity"]!["type"]);
        Assert.Equal(["Microsoft.Communication.EmailDeliveryReportReceived"],
            subscription["filter"]!["includedEventTypes"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("EventGridSchema", (string?)subscription["eventDeliverySchema"]);
        Assert.Equal("SystemAssigned", (string?)delivery["identity"]!["type"]);
        Assert.Equal("StorageQueue", (string?)delivery["destination"]!["endpointType"]);
        // The queue the function's trigger listens to, as function.json names it.
        Assert.Equal(FanOutKeys.DeliveryReportsQueue, (string?)module["properties"]!["parameters"]!["queueName"]!["value"]);
        // Storage Queue Data Message Sender for the topic's identity: it can add messages and nothing else.
        Assert.Contains("c6a89b2d-59bc-44d0-9896-0f6e12d7b80a", module.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParametersFile_NamesOnlyDeclaredParameters_AndCoversEveryRequiredOneExceptTheCommandLineOnes()
    {
        var template = await Bicep.MainTemplateAsync();
        var declared = template["parameters"]!.AsObject();
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Repo.PathOf("infra", "main.parameters.json"),
            TestContext.Current.CancellationToken))!["parameters"]!.AsObject();

        var undeclared = file.Select(p => p.Key).Where(k => !declared.ContainsKey(k)).ToList();
        var required = declared.Where(p => !p.Value!.AsObject().ContainsKey("defaultValue")).Select(p => p.Key).ToList();
        var missing = required.Where(k => !file.ContainsKey(k) && !CommandLineParameters.Contains(k)).ToList();
        var secureInFile = declared.Where(p => ((string?)p.Value!["type"])?.StartsWith("secure", StringComparison.Ordinal) == true)
            .Select(p => p.Key).Where(file.ContainsKey).ToList();

        Assert.True(undeclared.Count == 0, $"Not parameters of main.bicep: {string.Join(", ", undeclared)}");
        Assert.True(missing.Count == 0, $"Required but neither in main.parameters.json nor passed on the command line: {string.Join(", ", missing)}");
        Assert.True(secureInFile.Count == 0, $"Secrets must not live in main.parameters.json: {string.Join(", ", secureInFile)}");
        Assert.All(CommandLineParameters, p => Assert.True(declared.ContainsKey(p), $"{p} is not a parameter any more."));
    }
}
