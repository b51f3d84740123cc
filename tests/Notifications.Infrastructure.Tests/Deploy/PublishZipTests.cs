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
/// The deployment zip has the custom-handler layout (functions-contract.md §1.1, §7): host.json at the root starting
/// `dotnet &lt;dll&gt;`, one function.json per function folder, no local settings, Unix mode bits kept.
/// Needs the hosting work (root host.json and the emit-functions verb).
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
    public void HostJson_AtRoot_StartsDotnetWithADllAtTheRoot()
    {
        using var zip = package.Open();

        var hostJson = Assert.Single(zip.Entries, e => e.FullName == "host.json");
        var host = Parse(hostJson);
        var description = host["customHandler"]!["description"]!;
        var arguments = description["arguments"]!.AsArray();

        Assert.Equal("dotnet", (string?)description["defaultExecutablePath"]);
        var dll = (string?)arguments[0];
        Assert.NotNull(dll);
        Assert.EndsWith(".dll", dll, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(zip.Entries, e => e.FullName == dll);
    }

    [Fact]
    public void EveryFunctionFolder_HasAFunctionJsonWithOneTrigger()
    {
        using var zip = package.Open();

        var functions = zip.Entries.Where(e => e.Name == "function.json").ToList();

        Assert.NotEmpty(functions);
        Assert.All(functions, entry =>
        {
            // <FunctionName>/function.json, directly under the root: the folder name is the function name.
            Assert.Equal(2, entry.FullName.Split('/').Length);
            var bindings = Parse(entry)["bindings"]!.AsArray();
            Assert.Single(bindings, b => ((string?)b!["type"])?.EndsWith("Trigger", StringComparison.Ordinal) == true);
        });
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
