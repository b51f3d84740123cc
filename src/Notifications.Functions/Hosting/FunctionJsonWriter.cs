using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifications.Functions.Hosting;

/// <summary>
/// Writes one <c>&lt;FunctionName&gt;/function.json</c> per catalogue entry (contract §2), for publishing next to
/// host.json. CLI: <c>dotnet Notifications.Functions.dll emit-functions &lt;outputDir&gt;</c>.
/// </summary>
public static class FunctionJsonWriter
{
    public const string Verb = "emit-functions";
    public const string StorageConnection = "AzureWebJobsStorage";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes the files and returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        IEnumerable<FunctionDefinition> functions, string outputDirectory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        foreach (var function in functions)
        {
            var directory = Path.Combine(outputDirectory, function.Name);
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, "function.json");
            await File.WriteAllTextAsync(path, Build(function).ToJsonString(Indented) + "\n", cancellationToken);
            written.Add(path);
        }

        return written;
    }

    public static JsonObject Build(FunctionDefinition function) => new()
    {
        ["bindings"] = function switch
        {
            QueueFunction queue => new JsonArray(new JsonObject
            {
                ["type"] = "queueTrigger",
                ["direction"] = "in",
                ["name"] = "msg",
                ["queueName"] = queue.QueueName,
                ["connection"] = StorageConnection,
            }),
            TimerFunction timer => new JsonArray(new JsonObject
            {
                ["type"] = "timerTrigger",
                ["direction"] = "in",
                ["name"] = "timer",
                ["schedule"] = timer.Schedule,
                ["runOnStartup"] = false,
            }),
            // Exactly these two bindings, so the host forwards the request to /api/{route} (contract §1.6).
            HttpFunction http => new JsonArray(
                new JsonObject
                {
                    ["type"] = "httpTrigger",
                    ["direction"] = "in",
                    ["name"] = "req",
                    ["authLevel"] = http.AuthLevel.ToString().ToLowerInvariant(),
                    ["methods"] = new JsonArray([.. http.Methods.Select(m => (JsonNode?)m.ToLowerInvariant())]),
                    ["route"] = http.Route.TrimStart('/'),
                },
                new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }),
            _ => throw new InvalidOperationException($"Unknown function kind {function.GetType().Name}."),
        },
    };

    /// <summary>Runs the verb: <c>emit-functions &lt;outputDir&gt;</c>. Returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, IEnumerable<FunctionDefinition> functions, TextWriter output)
    {
        if (args.Count != 1 || string.IsNullOrWhiteSpace(args[0]))
        {
            await output.WriteLineAsync($"usage: {Verb} <outputDir>");
            return 2;
        }

        var written = await WriteAsync(functions, args[0]);
        await output.WriteLineAsync($"Wrote {written.Count} function.json file(s) to {Path.GetFullPath(args[0])}.");
        return 0;
    }
}
