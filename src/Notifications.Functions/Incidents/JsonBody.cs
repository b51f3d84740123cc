using System.Text.Json;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary>Reads a JSON body, turning malformed JSON and wrong types into field-level errors instead of exceptions.</summary>
public static class JsonBody
{
    public const long MaxBytes = 64 * 1024;

    public static async Task<(T? Value, Dictionary<string, string[]> Errors)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, new() { ["$"] = [$"The body is larger than {MaxBytes / 1024} KiB."] });
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, WorkflowJson.Options, ct);
            return value is null ? (null, new() { ["$"] = ["A JSON object is required."] }) : (value, []);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "$" : ex.Path.TrimStart('$', '.');
            return (null, new() { [field] = ["The value is not valid JSON of the expected type."] });
        }
    }
}
