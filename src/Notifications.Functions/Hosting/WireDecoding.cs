using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Notifications.Functions.Hosting;

/// <summary>Decoding rules for the host's wire format (contract §1.4, "robust decoding recipe").</summary>
public static class WireDecoding
{
    /// <summary>JSON options for envelopes: case-insensitive keys, PascalCase output like the host's.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>
    /// Returns the raw queue message text from <c>Data.msg</c>: an object or array is used as is; a string whose trimmed
    /// first character is <c>"</c> is unwrapped once more (the host's double encoding); any other string is the text.
    /// Returns null when the value cannot be read.
    /// </summary>
    public static string? QueueMessageText(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
            case JsonValueKind.Array:
                return value.GetRawText();
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (!text.TrimStart().StartsWith('"'))
                {
                    return text;
                }

                try
                {
                    return JsonSerializer.Deserialize<string>(text);
                }
                catch (JsonException)
                {
                    return null;
                }

            case JsonValueKind.Number:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return value.GetRawText();
            default:
                return null;
        }
    }

    /// <summary>Encodes message text the way the host does: a JSON string literal, itself sent as a JSON string.</summary>
    public static string DoubleEncode(string text) => JsonSerializer.Serialize(text);

    /// <summary>Strips one layer of JSON quoting from a metadata string (<c>"\"abc\""</c> becomes <c>abc</c>).</summary>
    public static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize<string>(value) ?? value;
            }
            catch (JsonException)
            {
                return value;
            }
        }

        return value;
    }
}

/// <summary>Reads a number or a string holding a number (the host sends <c>DequeueCount</c> as <c>"1"</c>).</summary>
public sealed class LenientInt64Converter : JsonConverter<long?>
{
    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => reader.GetInt64(),
            JsonTokenType.String when long.TryParse(WireDecoding.Unquote(reader.GetString()!), NumberStyles.Integer,
                CultureInfo.InvariantCulture, out var n) => n,
            _ => throw new JsonException("Expected a number or a string holding a number."),
        };

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } n)
        {
            writer.WriteStringValue(n.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>Reads a string and strips one layer of JSON quoting (the host sends <c>Id</c> as <c>"\"abc\""</c>).</summary>
public sealed class UnquotedStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => WireDecoding.Unquote(reader.GetString()!),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            _ => throw new JsonException("Expected a string."),
        };

    // Writes like the host: the string's JSON literal, as a string.
    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(JsonSerializer.Serialize(value));
        }
    }
}
