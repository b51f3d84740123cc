using System.Text.Json;

namespace Notifications.LocalRuntime;

/// <summary>
/// Reads <c>local.settings.json</c> the way the Functions host does locally: its <c>Values</c> become settings,
/// with <c>__</c> as the section separator. The local runtime and its command-line verbs read it.
/// </summary>
public static class LocalSettings
{
    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder builder, string path)
    {
        if (!File.Exists(path))
        {
            return builder;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var values = document.RootElement.TryGetProperty("Values", out var v) ? v : default;
        var settings = values.ValueKind == JsonValueKind.Object
            ? values.EnumerateObject().ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.ToString())
            : [];
        return builder.AddInMemoryCollection(settings);
    }
}
