using System.Text.Json;
using System.Text.Json.Serialization;

namespace Notifications.Functions.Hosting;

// The host's invocation body (contract §1.4, §1.5): {"Data":{<binding name>: value},"Metadata":{...}}, PascalCase keys,
// produced by Newtonsoft. Binding names are ours (function.json): "msg" for queues, "timer" for timers.

public sealed record QueueEnvelope(QueueData? Data, QueueMetadata? Metadata);

/// <param name="Msg">Usually a JSON string holding a JSON string literal (double-encoded); see <see cref="WireDecoding"/>.</param>
public sealed record QueueData([property: JsonPropertyName("msg")] JsonElement? Msg);

public sealed record QueueMetadata(
    [property: JsonConverter(typeof(LenientInt64Converter))] long? DequeueCount,
    [property: JsonConverter(typeof(UnquotedStringConverter))] string? Id,
    [property: JsonConverter(typeof(UnquotedStringConverter))] string? PopReceipt,
    DateTimeOffset? InsertionTime,
    DateTimeOffset? ExpirationTime,
    DateTimeOffset? NextVisibleTime,
    [property: JsonPropertyName("sys")] SystemMetadata? Sys);

public sealed record SystemMetadata(string? MethodName, DateTimeOffset? UtcNow, string? RandGuid);

public sealed record TimerEnvelope(TimerData? Data, TimerMetadata? Metadata);

public sealed record TimerData([property: JsonPropertyName("timer")] TimerInfo? Timer);

public sealed record TimerInfo(TimerSchedule? Schedule, TimerScheduleStatus? ScheduleStatus, bool IsPastDue);

public sealed record TimerSchedule(bool AdjustForDST);

public sealed record TimerScheduleStatus(DateTimeOffset? Last, DateTimeOffset? Next, DateTimeOffset? LastUpdated);

public sealed record TimerMetadata([property: JsonPropertyName("sys")] SystemMetadata? Sys);

/// <summary>The answer to the host (contract §1.7). Always a JSON object, never an empty body.</summary>
public sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, JsonElement> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] JsonElement? ReturnValue);
