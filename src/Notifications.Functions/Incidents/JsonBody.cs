using System.Text.Json;
using System.Text.Json.Nodes;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary>Reads JSON bodies, turning malformed JSON and wrong types into field-level errors instead of exceptions.</summary>
public static class JsonBody
{
    public const long MaxBytes = 64 * 1024;

    public static async Task<(T? Value, Dictionary<string, string[]> Errors)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        var (node, errors) = await ReadObjectAsync(request, ct);
        return node is null ? (null, errors) : Bind<T>(node);
    }

    /// <summary>The body as a JSON object, so callers can check which fields are present before binding.</summary>
    public static async Task<(JsonObject? Value, Dictionary<string, string[]> Errors)> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, new() { ["$"] = [$"The body is larger than {MaxBytes / 1024} KiB."] });
        }

        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
            return node is JsonObject o ? (o, []) : (null, new() { ["$"] = ["A JSON object is required."] });
        }
        catch (JsonException ex)
        {
            return (null, new() { [Field(ex)] = ["The body is not valid JSON."] });
        }
    }

    public static (T? Value, Dictionary<string, string[]> Errors) Bind<T>(JsonNode node)
        where T : class
    {
        try
        {
            return (node.Deserialize<T>(WorkflowJson.Options), []);
        }
        catch (JsonException ex)
        {
            return (null, new() { [Field(ex)] = ["The value is not of the expected type."] });
        }
    }

    /// <summary>Adds "Required." for each listed field missing from <paramref name="node"/>.</summary>
    public static void RequireFields(JsonObject node, Dictionary<string, string[]> errors, params string[] fields)
    {
        foreach (var field in fields.Where(f => node[f] is null))
        {
            errors[field] = ["Required."];
        }
    }

    private static string Field(JsonException ex) =>
        string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "$" : ex.Path.TrimStart('$', '.');
}
