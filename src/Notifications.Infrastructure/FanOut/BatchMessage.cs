using System.Text.Json;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Infrastructure.FanOut;

/// <summary>
/// The queue message for one batch of a fan-out run (queue <see cref="FanOutKeys.Queue"/>). Ids only, never personal
/// information; the same incident, run and batch always give the same body. <see cref="BatchId"/> is the recipients
/// partition of the batch (pinned to the import the run started from); it is the idempotency key, not the queue's
/// message id.
/// </summary>
public sealed record BatchMessage(int Schema, string IncidentId, string RunId, string BatchId, bool Canary, string? TraceParent)
{
    public const int CurrentSchema = 1;

    public string ToJson() => JsonSerializer.Serialize(this, WorkflowJson.Options);

    public static BatchMessage Parse(string json) =>
        JsonSerializer.Deserialize<BatchMessage>(json, WorkflowJson.Options) is { IncidentId: not null, RunId: not null, BatchId: not null } message
            ? message
            : throw new FormatException("Not a notification batch message.");
}
