using System.Globalization;
using System.Text.Json.Nodes;

namespace Notifications.TestKit.FanOut;

/// <summary>
/// Queue message bodies as an Event Grid subscription with a Storage queue destination writes them for Communication
/// Services email delivery reports: one event per message, plain JSON text, in the Event Grid schema or CloudEvents 1.0.
/// Field names and shapes follow the documented <c>AcsEmailDeliveryReportReceivedEventData</c>.
/// </summary>
public static class DeliveryReportEvents
{
    public const string Type = "Microsoft.Communication.EmailDeliveryReportReceived";
    private const string Source = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-notify/providers/Microsoft.Communication/communicationServices/acs-notify";
    private const string Sender = "DoNotReply@notify.example.test";

    /// <summary>An Event Grid schema event. <paramref name="internetMessageId"/> is sent in angle brackets, as in the header.</summary>
    public static string EventGrid(string internetMessageId, string recipient, string status, string? eventId = null, string type = Type,
        DateTimeOffset? attempted = null)
    {
        var acsId = Guid.NewGuid().ToString();
        return new JsonObject
        {
            ["id"] = eventId ?? Guid.NewGuid().ToString(),
            ["topic"] = Source,
            ["subject"] = $"sender/{Sender}/message/{acsId}",
            ["data"] = Data(acsId, "<" + internetMessageId + ">", recipient, status, attempted),
            ["eventType"] = type,
            ["dataVersion"] = "1.0",
            ["metadataVersion"] = "1",
            ["eventTime"] = Time(attempted),
        }.ToJsonString();
    }

    /// <summary>A CloudEvents 1.0 event (<c>eventDeliverySchema: CloudEventSchemaV1_0</c>), the Message-ID without brackets.</summary>
    public static string CloudEvent(string internetMessageId, string recipient, string status, string? eventId = null, string type = Type,
        DateTimeOffset? attempted = null)
    {
        var acsId = Guid.NewGuid().ToString();
        return new JsonObject
        {
            ["specversion"] = "1.0",
            ["type"] = type,
            ["source"] = Source,
            ["id"] = eventId ?? Guid.NewGuid().ToString(),
            ["time"] = Time(attempted),
            ["subject"] = $"sender/{Sender}/message/{acsId}",
            ["datacontenttype"] = "application/json",
            ["data"] = Data(acsId, internetMessageId, recipient, status, attempted),
        }.ToJsonString();
    }

    private static JsonObject Data(string acsId, string internetMessageId, string recipient, string status, DateTimeOffset? attempted) => new()
    {
        ["sender"] = Sender,
        ["recipient"] = recipient,
        ["messageId"] = acsId,
        ["internetMessageId"] = internetMessageId,
        ["status"] = status,
        ["deliveryStatusDetails"] = new JsonObject { ["statusMessage"] = status == "Delivered" ? "" : $"550 5.1.1 <{recipient}>: mailbox unavailable" },
        ["deliveryAttemptTimestamp"] = Time(attempted),
    };

    private static string Time(DateTimeOffset? at) => (at ?? new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero)).ToString("O", CultureInfo.InvariantCulture);
}
