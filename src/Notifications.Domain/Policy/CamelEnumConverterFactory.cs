using System.Text.Json;
using System.Text.Json.Serialization;

namespace Notifications.Domain.Policy;

/// <summary>Reads enums only from their camelCase names, and says which names are allowed when one is wrong.</summary>
internal sealed class CamelEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(CamelEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class CamelEnumConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly Dictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToDictionary(v => PolicyPackValidator.Camel(v.ToString()), StringComparer.Ordinal);

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return text is not null && ByName.TryGetValue(text, out var value)
                ? value
                : throw new JsonException($"'{text ?? reader.TokenType.ToString()}' is not one of: {string.Join(", ", ByName.Keys)}.");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(PolicyPackValidator.Camel(value.ToString()));
    }
}
