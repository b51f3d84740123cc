using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace Notifications.Domain.Policy;

/// <summary>Reads and writes <see cref="TimeSpan"/> as an ISO 8601 duration (<c>P7D</c>, <c>PT72H</c>).</summary>
internal sealed class IsoDurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        try
        {
            return XmlConvert.ToTimeSpan(text ?? string.Empty);
        }
        catch (FormatException e)
        {
            throw new JsonException($"'{text}' is not an ISO 8601 duration such as P7D or PT72H.", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}
