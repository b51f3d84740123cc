using System.Text;
using System.Text.Unicode;
using Notifications.Domain.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary>
/// The one reader of JSON request bodies. It refuses, before anything binds: a content type other than JSON (415), a
/// body over <see cref="MaxBytes"/> (413), and, as field-level errors (400), malformed JSON, invalid UTF-8, duplicate
/// keys, lone surrogate escapes, and control or bidi-override characters in any string. Binding then takes enum names
/// only and timestamps with an offset only.
/// </summary>
public static class JsonBody
{
    public const long MaxBytes = 64 * 1024;

    /// <summary>The request shape: <see cref="WorkflowJson.Options"/>, strict about enums and timestamps.</summary>
    public static JsonSerializerOptions RequestOptions { get; } = CreateRequestOptions();

    public static async Task<(T? Value, Dictionary<string, string[]> Errors)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        var (node, errors) = await ReadObjectAsync(request, ct);
        return node is null ? (null, errors) : Bind<T>(node);
    }

    /// <summary>The body as a JSON object, so callers can check which fields are present before binding.</summary>
    /// <exception cref="BadHttpRequestException">415 or 413; the edge (<c>HttpEdge</c>) answers it as problem details.</exception>
    public static async Task<(JsonObject? Value, Dictionary<string, string[]> Errors)> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        RequireJsonContentType(request);
        var bytes = await ReadLimitedAsync(request, MaxBytes, ct);
        var errors = JsonText.Check(bytes);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var node = JsonNode.Parse(bytes);
        return node is JsonObject o ? (o, errors) : (null, new() { ["$"] = ["A JSON object is required."] });
    }

    public static (T? Value, Dictionary<string, string[]> Errors) Bind<T>(JsonNode node)
        where T : class
    {
        try
        {
            return (node.Deserialize<T>(RequestOptions), []);
        }
        catch (JsonException ex)
        {
            return (null, new() { [Field(ex)] = [ex is FieldValueException ? ex.Message : "The value is not of the expected type."] });
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

    /// <summary>415 unless the body is declared <c>application/json</c> or a <c>+json</c> type (a merge patch's, say).</summary>
    public static void RequireJsonContentType(HttpRequest request)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
            && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        throw new BadHttpRequestException(
            $"Send the body as application/json (UTF-8); the request says '{request.ContentType ?? "no content type"}'.",
            StatusCodes.Status415UnsupportedMediaType);
    }

    /// <summary>The whole body, or 413 when it is over <paramref name="limit"/> bytes (by its Content-Length or as read).</summary>
    public static async Task<byte[]> ReadLimitedAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static BadHttpRequestException TooLarge(long limit) =>
        new($"The body is larger than {limit / 1024} KiB, the limit of this request.", StatusCodes.Status413PayloadTooLarge);

    private static string Field(JsonException ex) =>
        string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "$" : ex.Path.TrimStart('$', '.');

    private static JsonSerializerOptions CreateRequestOptions()
    {
        var options = new JsonSerializerOptions(WorkflowJson.Options);
        for (var i = options.Converters.Count - 1; i >= 0; i--)
        {
            if (options.Converters[i] is JsonStringEnumConverter)
            {
                options.Converters.RemoveAt(i);
            }
        }

        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new OffsetTimestampConverter());
        return options;
    }

    /// <summary>A <see cref="JsonException"/> whose message is meant for the caller, at the field the serializer names.</summary>
    private sealed class FieldValueException(string message) : JsonException(message);

    /// <summary>A timestamp must say its offset (<c>Z</c> or <c>±hh:mm</c>): one without is not silently read as UTC.</summary>
    private sealed class OffsetTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : null;
            if (text is null || !reader.TryGetDateTimeOffset(out var value))
            {
                throw new FieldValueException("An ISO 8601 timestamp with an offset is required, e.g. 2026-11-30T09:00:00-08:00.");
            }

            if (!HasOffset(text))
            {
                throw new FieldValueException("Give the timestamp's offset or Z, e.g. 2026-11-30T09:00:00-08:00; without one its time is ambiguous.");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        private static bool HasOffset(string text)
        {
            var time = text.IndexOfAny(['T', 't']);
            if (time < 0)
            {
                return false;
            }

            var tail = text.AsSpan(time);
            return tail.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || tail.LastIndexOfAny('+', '-') > 0;
        }
    }
}

/// <summary>The checks on JSON text that a parser does not make: the field of each finding is named by its JSON path.</summary>
internal static class JsonText
{
    public static Dictionary<string, string[]> Check(byte[] utf8)
    {
        var errors = new Dictionary<string, string[]>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var scopes = new Stack<Scope>();
        string? property = null;
        // Malformed JSON is an error of the whole document ($); so is invalid UTF-8 between tokens.
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        scopes.Push(new Scope(Child(scopes, property), reader.TokenType == JsonTokenType.StartObject));
                        property = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        scopes.Pop();
                        property = null;
                        break;
                    case JsonTokenType.PropertyName:
                        var scope = scopes.Peek();
                        if (!TryGetString(ref reader, out var name))
                        {
                            Add(errors, scope.Path, $"A property name {Invalid(ref reader)}");
                            property = "?";
                            break;
                        }

                        property = name;
                        if (!scope.Names.Add(name))
                        {
                            Add(errors, Child(scopes, name), "The property appears more than once.");
                        }

                        break;
                    default:
                        var path = Child(scopes, property);
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            if (!TryGetString(ref reader, out var text))
                            {
                                Add(errors, path, $"The value {Invalid(ref reader)}");
                            }
                            else if (TextRules.FindUnsafe(text, multiline: true) is { } unsafeChar)
                            {
                                Add(errors, path, TextRules.Describe(unsafeChar));
                            }
                        }

                        property = null;
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            errors.Clear();
            errors["$"] = [$"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1} of the line)."];
        }

        return errors;
    }

    private static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = "";
            return false;
        }
    }

    private static string Invalid(ref Utf8JsonReader reader) => Utf8.IsValid(reader.ValueSpan)
        ? "has a lone surrogate escape (such as \\ud83d without its pair): it is not text."
        : "is not valid UTF-8.";

    private static void Add(Dictionary<string, string[]> errors, string path, string message) => errors.TryAdd(path, [message]);

    /// <summary>The path of the value at hand: <c>reporter.name</c>, <c>personalInformation[1]</c>, or <c>$</c> for the document.</summary>
    private static string Child(Stack<Scope> scopes, string? property)
    {
        if (scopes.Count == 0)
        {
            return "$";
        }

        var scope = scopes.Peek();
        var segment = scope.IsObject ? property ?? "" : $"[{scope.NextIndex()}]";
        return scope.Path == "$" ? (scope.IsObject ? segment : "$" + segment) : scope.IsObject ? $"{scope.Path}.{segment}" : scope.Path + segment;
    }

    private sealed class Scope(string path, bool isObject)
    {
        private int _index;

        public string Path { get; } = path;

        public bool IsObject { get; } = isObject;

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public int NextIndex() => _index++;
    }
}
