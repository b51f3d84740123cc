using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Notifications.Infrastructure.Tests.Deploy;

/// <summary>Runs <c>scripts/publish.sh</c> once into a temporary folder.</summary>
public sealed class PublishedPackage : IAsyncLifetime
{
    private readonly string _outDir = Path.Combine(Path.GetTempPath(), "publish-" + Guid.NewGuid().ToString("N"));

    public ProcessResult Run { get; private set; } = new(-1, "", "");

    public string ZipPath => Path.Combine(_outDir, "notifications-functions.zip");

    public async ValueTask InitializeAsync() =>
        Run = await Processes.RunAsync("bash", [Repo.PathOf("scripts", "publish.sh"), _outDir], Repo.Root, CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_outDir))
        {
            Directory.Delete(_outDir, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Opens the zip; fails with the script's output when the script did not produce it.</summary>
    public ZipArchive Open()
    {
        Assert.True(Run.ExitCode == 0 && File.Exists(ZipPath), "scripts/publish.sh failed:\n" + Run);
        return ZipFile.OpenRead(ZipPath);
    }
}

/// <summary>
/// The deployment zip has the isolated-worker layout that zip deploy and Flex Consumption expect: host.json,
/// functions.metadata, worker.config.json, extensions.json and .azurefunctions/ at the root beside the app; nothing of
/// the local runtime or the tests, no local settings; Unix mode bits kept.
/// </summary>
public sealed class PublishZipTests(PublishedPackage package) : IClassFixture<PublishedPackage>
{
    [Fact]
    public void PublishScript_ExitsZero_AndWritesTheZip()
    {
        Assert.True(package.Run.ExitCode == 0, package.Run.ToString());
        Assert.True(File.Exists(package.ZipPath), package.Run.ToString());
    }

    [Fact]
    public void Root_HasTheWorkerLayout()
    {
        using var zip = package.Open();

        foreach (var file in new[] { "host.json", "functions.metadata", "worker.config.json", "extensions.json", "Notifications.Functions.dll" })
        {
            Assert.Contains(zip.Entries, e => e.FullName == file);
        }

        Assert.Contains(zip.Entries, e => e.FullName.StartsWith(".azurefunctions/", StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal));
        Assert.DoesNotContain(zip.Entries, e => e.Name == "function.json");
        Assert.Null(Parse(zip.Entries.Single(e => e.FullName == "host.json"))["customHandler"]);
    }

    [Fact]
    public void WorkerConfig_StartsTheAppDllThroughDotnet()
    {
        using var zip = package.Open();

        var description = Parse(zip.Entries.Single(e => e.FullName == "worker.config.json"))["description"]!;

        Assert.Equal("dotnet-isolated", (string?)description["language"]);
        Assert.Equal("dotnet", (string?)description["defaultExecutablePath"]);
        Assert.Contains(zip.Entries, e => e.FullName == (string?)description["defaultWorkerPath"]);
    }

    [Fact]
    public void FunctionsMetadata_ListsEveryFunction_EachWithOneTrigger()
    {
        using var zip = package.Open();

        var functions = Parse(zip.Entries.Single(e => e.FullName == "functions.metadata")).AsArray();

        Assert.Equal(50, functions.Count);
        Assert.All(functions, f =>
        {
            Assert.Equal("Notifications.Functions.dll", (string?)f!["scriptFile"]);
            Assert.Single(f["bindings"]!.AsArray(), b => ((string?)b!["type"])?.EndsWith("Trigger", StringComparison.Ordinal) == true);
        });
    }

    [Fact]
    public void Zip_HasNoLocalRuntimeOrTestAssembly()
    {
        using var zip = package.Open();

        // The preview Durable sidecar (package Microsoft.DurableTask.InProcessTestHost) runs the orchestrations locally
        // only; in Azure the extension's own Azure Storage provider does, from .azurefunctions/.
        Assert.DoesNotContain(zip.Entries, e => e.Name.StartsWith("Microsoft.DurableTask.InProcessTestHost", StringComparison.Ordinal)
            || e.Name.StartsWith("Microsoft.DurableTask.Sidecar", StringComparison.Ordinal) || e.FullName == "DurableTask.AzureStorage.dll");

        Assert.DoesNotContain(zip.Entries, e => e.Name.StartsWith("Notifications.LocalRuntime", StringComparison.Ordinal)
            || e.Name.Contains(".Tests", StringComparison.Ordinal) || e.Name.StartsWith("Notifications.TestKit", StringComparison.Ordinal)
            || e.Name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase) || e.Name.StartsWith("Microsoft.AspNetCore.Mvc.Testing", StringComparison.Ordinal));
    }

    [Fact]
    public void Zip_HasNoLocalSettings()
    {
        using var zip = package.Open();

        Assert.DoesNotContain(zip.Entries, e => e.Name.StartsWith("local.settings", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Zip_KeepsUnixModeBits()
    {
        using var zip = package.Open();

        var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();

        Assert.NotEmpty(files);
        Assert.All(files, entry =>
        {
            // The high 16 bits of the external attributes hold st_mode when the zip was made on Unix; a Windows zip
            // leaves them 0 and Flex would then see files nobody may read or execute.
            var mode = (entry.ExternalAttributes >> 16) & 0xFFFF;
            Assert.True((mode & 0xF000) == 0x8000, $"{entry.FullName}: not a regular file (mode {Convert.ToString(mode, 8)})");
            Assert.True((mode & 0x124) == 0x124, $"{entry.FullName}: not readable by everyone (mode {Convert.ToString(mode, 8)})");
        });
    }

    private static JsonNode Parse(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        return JsonNode.Parse(stream, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
    }
}
