using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Notifications.Infrastructure.Tests.Deploy;

/// <summary>Paths baked in at build time by the test project (AssemblyMetadata), so a fresh clone needs no setup.</summary>
internal static class Repo
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Metadata(string key) =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"AssemblyMetadata '{key}' is missing; see the test project file.");
}

public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

internal static class Processes
{
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet test` leaves MSBuild variables in our environment; a nested `dotnet publish` must not inherit them.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package.</summary>
internal static class Bicep
{
    private static readonly Lazy<Task<ProcessResult>> MainBuild = new(() => BuildAsync(Repo.PathOf("infra", "main.bicep"), CancellationToken.None));

    public static string Executable
    {
        get
        {
            var path = Repo.Metadata("BicepPath");
            Assert.True(File.Exists(path), $"Bicep CLI not found at {path}; restore the test project.");
            // NuGet extraction does not always keep the execute bit. (The package is linux-x64 only.)
            if (!OperatingSystem.IsLinux())
            {
                throw new PlatformNotSupportedException("The Deploy tests use the linux-x64 Bicep CLI.");
            }

            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
            }

            return path;
        }
    }

    public static Task<ProcessResult> BuildAsync(string bicepFile, CancellationToken cancellationToken) =>
        Processes.RunAsync(Executable, ["build", bicepFile, "--stdout"], Repo.Root, cancellationToken);

    /// <summary><c>bicep build infra/main.bicep --stdout</c>, once per test run.</summary>
    public static Task<ProcessResult> BuildMainAsync() => MainBuild.Value;

    /// <summary>The compiled ARM template of infra/main.bicep.</summary>
    public static async Task<JsonObject> MainTemplateAsync()
    {
        var build = await BuildMainAsync();
        Assert.True(build.ExitCode == 0, build.ToString());
        return JsonNode.Parse(build.StdOut)!.AsObject();
    }

    /// <summary>Every resource the template deploys (not `existing` references), including those in modules.</summary>
    public static IEnumerable<JsonObject> AllResources(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var typeName) && typeName.Contains('/') &&
                    obj.ContainsKey("apiVersion") && obj["existing"] is null)
                {
                    yield return obj;
                }

                foreach (var (_, child) in obj)
                {
                    foreach (var resource in AllResources(child))
                    {
                        yield return resource;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var resource in AllResources(child))
                    {
                        yield return resource;
                    }
                }

                break;
        }
    }

    public static IEnumerable<JsonObject> ResourcesOfType(JsonNode template, string type) =>
        AllResources(template).Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));
}
