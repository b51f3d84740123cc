using System.Globalization;
using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;

namespace Notifications.Infrastructure.FanOut;

/// <summary>
/// One per-recipient delivery report of Communication Services email (<see cref="EmailDeliveryReportReceived"/>), read
/// from the message an Event Grid subscription writes to a Storage queue: plain JSON text, one event per message, in the
/// Event Grid schema (<c>eventType</c>, <c>data</c>) or CloudEvents 1.0 (<c>specversion</c>, <c>type</c>, <c>data</c>),
/// parsed by Azure.Messaging.EventGrid into <see cref="AcsEmailDeliveryReportReceivedEventData"/>.
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
    /// The events in a queue message: a single event object, or an array of them (the shape Event Grid posts to webhooks),
    /// each in either schema. Azure.Messaging.EventGrid parses and validates each event and types its data as
    /// <see cref="AcsEmailDeliveryReportReceivedEventData"/>.
    /// Throws <see cref="FormatException"/> when the text is not JSON or holds something that is not an event.
    /// </summary>
    public static IReadOnlyList<DeliveryReport> Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => [FromEvent(root)],
                JsonValueKind.Array => root.EnumerateArray().Select(FromEvent).ToList(),
                _ => throw new FormatException("The message is neither an event nor an array of events."),
            };
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            // The SDK's validation throws these for a missing id, type, subject, source or data.
            throw new FormatException("The message is not an event or an array of events.", ex);
        }
    }

    /// <summary>One event: CloudEvents 1.0 carries <c>specversion</c>; the Event Grid schema does not.</summary>
    private static DeliveryReport FromEvent(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("An event is not a JSON object.");
        }

        var json = BinaryData.FromString(e.GetRawText());
        if (e.TryGetProperty("specversion", out _))
        {
            var cloudEvent = CloudEvent.Parse(json) ?? throw new FormatException("An event is null.");
            return From(cloudEvent.Id, cloudEvent.Type, cloudEvent.Data, cloudEvent.TryGetSystemEventData(out var data) ? data : null);
        }

        var gridEvent = EventGridEvent.Parse(json);
        return From(gridEvent.Id, gridEvent.EventType, gridEvent.Data, gridEvent.TryGetSystemEventData(out var systemData) ? systemData : null);
    }

    private static DeliveryReport From(string id, string type, BinaryData? raw, object? systemData)
    {
        var report = systemData as AcsEmailDeliveryReportReceivedEventData;
        var extra = report is null ? null : raw?.ToObjectFromJson<MissingFromTheSdk>(CaseInsensitive);
        return new DeliveryReport(
            id,
            type,
            extra?.InternetMessageId is { Length: > 0 } messageId ? messageId : null,
            report?.Recipient is { Length: > 0 } recipient ? recipient : null,
            report?.Status?.ToString() is { Length: > 0 } status ? status : null,
            report?.DeliveryAttemptTimestamp ?? Time(extra?.DeliveryAttemptTimestamp));
    }

    private static DateTimeOffset? Time(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private static readonly JsonSerializerOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    /// <summary>
    /// What the 4.17.0 model does not read: <c>internetMessageId</c> (added to the event after that release) and the
    /// timestamp spelled <c>deliveryAttemptTimestamp</c> (the model reads only <c>deliveryAttemptTimeStamp</c>; the
    /// documented samples use both). Read case-insensitively from the event's own data.
    /// </summary>
    private sealed record MissingFromTheSdk(string? InternetMessageId, string? DeliveryAttemptTimestamp);
}
