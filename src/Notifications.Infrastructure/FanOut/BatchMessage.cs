using System.Text.Json;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Infrastructure.FanOut;

/// <summary>
/// The input of one call of the batch activity of a run orchestration. Ids and a count only, never personal information.
/// <see cref="BatchId"/> is the recipients partition of the batch (pinned to the import the run started from); it is the
/// idempotency key.
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
