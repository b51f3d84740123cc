using System.ComponentModel.DataAnnotations;
using Microsoft.DurableTask.Worker;

namespace Notifications.LocalRuntime.Durable;

/// <summary>
/// The local Durable backend: Durable Functions' Azure Storage provider on Azurite behind a gRPC sidecar. The task hub
/// and versioning come from host.json <c>extensions.durableTask</c>, like the Durable extension reads them in Azure;
/// <c>Hosting:Durable:*</c> overrides them and holds what only the local backend needs.
/// </summary>
public sealed class DurableHostOptions
{
    public const string Section = "Hosting:Durable";

    /// <summary>host.json <c>hubName</c>. Locally the <c>Storage:NamePrefix</c> is added, so tests get hubs of their own.</summary>
    [Required]
    public string HubName { get; set; } = "notifications";

    /// <summary>host.json <c>storageProvider.partitionCount</c>: control queues, so orchestrations spread across them.</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>host.json <c>defaultVersion</c>: the version new orchestrations start with.</summary>
    public string? DefaultVersion { get; set; }

    public DurableTaskWorkerOptions.VersionMatchStrategy VersionMatchStrategy { get; set; } = DurableTaskWorkerOptions.VersionMatchStrategy.CurrentOrOlder;

    public DurableTaskWorkerOptions.VersionFailureStrategy VersionFailureStrategy { get; set; } = DurableTaskWorkerOptions.VersionFailureStrategy.Reject;

    /// <summary>How long an idle worker waits at most between polls of the control and work-item queues (Azure: 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// After a crash, how long a dequeued work item stays invisible before another worker takes it (Azure: 5 minutes).
    /// Short locally, so a killed runtime resumes within seconds of its restart.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(20);

    [Range(1, 1000)]
    public int MaxConcurrentActivities { get; set; } = 100;

    [Range(1, 1000)]
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>The sidecar's loopback port; 0 takes a free one.</summary>
    [Range(0, 65535)]
    public int SidecarPort { get; set; }

    /// <summary>The task hub of this runtime: the hub name and the storage prefix, as letters and digits (3–45).</summary>
    public string TaskHub(string? storagePrefix)
    {
        var name = new string((HubName + (storagePrefix ?? "")).Where(char.IsAsciiLetterOrDigit).ToArray());
        return name.Length > 45 ? name[..45] : name;
    }
}
