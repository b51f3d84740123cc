namespace Notifications.LocalRuntime;

/// <summary>Reads host.json, shipped next to the app, as the local runtime's source of <c>extensions.queues</c>.</summary>
public static class HostJson
{
    public const string FileName = "host.json";

    /// <summary>The host.json to use: the configured path, else next to the app, else in the content root; null if none.</summary>
    public static string? Locate(string? configuredPath, string contentRoot)
    {
        if (!string.IsNullOrEmpty(configuredPath))
        {
            return File.Exists(configuredPath)
                ? configuredPath
                : throw new FileNotFoundException("Hosting:HostJsonPath points to a missing file.", configuredPath);
        }

        return new[] { AppContext.BaseDirectory, contentRoot }
            .Select(dir => Path.Combine(dir, FileName))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>host.json <c>extensions.http.routePrefix</c>, or the host's default <c>api</c>.</summary>
    public static string RoutePrefix(string? path) =>
        path is null ? "api" : new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build()["extensions:http:routePrefix"] ?? "api";

    /// <summary>Applies host.json <c>extensions.queues</c> (keys are camelCase there; binding is case-insensitive).</summary>
    public static void ApplyQueues(QueueRuntimeOptions options, string? path)
    {
        if (path is null)
        {
            return;
        }

        var hostJson = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        hostJson.GetSection("extensions:queues").Bind(options);
    }
}
