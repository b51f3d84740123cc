using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues.Models;

namespace Notifications.Functions.Hosting.Local;

/// <summary>Builds the envelopes the Functions host would send, so the local runtime goes through the same dispatcher.</summary>
internal static class LocalEnvelopes
{
    public static byte[] Queue(string functionName, QueueMessage message, DateTimeOffset now)
    {
        var envelope = new QueueEnvelope(
            new QueueData(JsonSerializer.SerializeToElement(WireDecoding.DoubleEncode(message.Body.ToString()))),
            new QueueMetadata(
                message.DequeueCount,
                message.MessageId,
                message.PopReceipt,
                message.InsertedOn,
                message.ExpiresOn,
                message.NextVisibleOn,
                System(functionName, now)));
        return JsonSerializer.SerializeToUtf8Bytes(envelope, WireDecoding.Options);
    }

    public static byte[] Timer(string functionName, TimerScheduleStatus status, bool isPastDue, DateTimeOffset now)
    {
        var envelope = new TimerEnvelope(
            new TimerData(new TimerInfo(new TimerSchedule(AdjustForDST: false), status, isPastDue)),
            new TimerMetadata(System(functionName, now)));
        return JsonSerializer.SerializeToUtf8Bytes(envelope, WireDecoding.Options);
    }

    private static SystemMetadata System(string functionName, DateTimeOffset now) =>
        new(functionName, now, Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture));
}
