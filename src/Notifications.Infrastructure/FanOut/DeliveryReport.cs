using System.Globalization;
using System.Text.Json;

namespace Notifications.Infrastructure.FanOut;

/// <summary>
/// One per-recipient delivery report of Communication Services email (<see cref="EmailDeliveryReportReceived"/>), read
/// from the message an Event Grid subscription writes to a Storage queue: plain JSON text, one event per message, in the
/// Event Grid schema (<c>eventType</c>, <c>data</c>) or CloudEvents 1.0 (<c>specversion</c>, <c>type</c>, <c>data</c>).
/// <see cref="Recipient"/> is the person's address: it is compared, never logged or copied.
/// </summary>
/// <param name="EventId">The event's id (Event Grid or CloudEvents <c>id</c>); safe to log.</param>
/// <param name="InternetMessageId">The email's Internet Message-ID: ours, as <see cref="NoticeMessageId"/> made it.</param>
/// <param name="Status">
/// <c>Delivered</c>, or a failure: <c>Bounced</c>, <c>Suppressed</c>, <c>FilteredSpam</c>, <c>Quarantined</c>, <c>Failed</c>,
/// <c>Expanded</c>… Communication Services documents any value other than <c>Delivered</c> as failed.
/// </param>
public sealed record DeliveryReport(
    string EventId,
    string EventType,
    string? InternetMessageId,
    string? Recipient,
    string? Status,
    DateTimeOffset? AttemptedAt)
{
    public const string EmailDeliveryReportReceived = "Microsoft.Communication.EmailDeliveryReportReceived";

    public bool IsEmailDeliveryReport => EventType == EmailDeliveryReportReceived;

    public bool IsDelivered => string.Equals(Status, "Delivered", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The events in a queue message: a single event object, or an array of them (the shape Event Grid posts to webhooks).
    /// Throws <see cref="FormatException"/> when the text is not JSON or holds something that is not an event.
    /// </summary>
    public static IReadOnlyList<DeliveryReport> Parse(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The message is not JSON.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => [FromEvent(root)],
                JsonValueKind.Array => root.EnumerateArray().Select(FromEvent).ToList(),
                _ => throw new FormatException("The message is neither an event nor an array of events."),
            };
        }
    }

    private static DeliveryReport FromEvent(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("An event is not a JSON object.");
        }

        // CloudEvents 1.0 names the type "type" and carries "specversion"; the Event Grid schema uses "eventType".
        var type = Text(e, "specversion") is not null ? Text(e, "type") : Text(e, "eventType");
        var id = Text(e, "id");
        if (type is null || id is null)
        {
            throw new FormatException("An event has no id or type.");
        }

        var data = Property(e, "data") is { ValueKind: JsonValueKind.Object } d ? d : default;
        return new DeliveryReport(
            id,
            type,
            Text(data, "internetMessageId"),
            Text(data, "recipient"),
            Text(data, "status"),
            Time(Text(data, "deliveryAttemptTimestamp")));
    }

    private static DateTimeOffset? Time(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private static string? Text(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.String } p && p.GetString() is { Length: > 0 } s ? s : null;

    /// <summary>A property by name, ignoring case (the documented samples differ, e.g. <c>deliveryAttemptTimeStamp</c>).</summary>
    private static JsonElement? Property(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
