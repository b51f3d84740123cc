using System.ComponentModel.DataAnnotations;

namespace Notifications.LocalRuntime;

/// <summary>Configuration section <c>Hosting</c>: where the local runtime finds its files and listens.</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>Path of host.json; default: next to the runtime (<c>AppContext.BaseDirectory</c>), then the content root.</summary>
    public string? HostJsonPath { get; set; }

    /// <summary>Path of functions.metadata; default: next to the runtime, where its build copies the app's.</summary>
    public string? FunctionsMetadataPath { get; set; }

    /// <summary>Run the queue listeners and timers (default); off, only HTTP functions are served (tests drive the rest).</summary>
    public bool RunTriggers { get; set; } = true;
}

/// <summary>
/// host.json <c>extensions.queues</c> as the local runtime applies it. Values come from host.json and can be overridden
/// through configuration <c>Hosting:Queues:*</c> (tests use small timeouts). Defaults are the Functions host's.
/// </summary>
public sealed class QueueRuntimeOptions
{
    public const string Section = "Hosting:Queues";

    [Range(1, 32)]
    public int BatchSize { get; set; } = 16;

    [Range(0, 1024)]
    public int NewBatchThreshold { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Delay before a failed message is visible again. Not the processing lease.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    [Range(1, int.MaxValue)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary><c>base64</c> or <c>none</c>.</summary>
    [RegularExpression("^(?i)(base64|none)$")]
    public string MessageEncoding { get; set; } = "base64";

    /// <summary>The processing lease a dequeued message holds while its handler runs (the host uses 10 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:02", "7.00:00:00")]
    public TimeSpan ProcessingLease { get; set; } = TimeSpan.FromMinutes(10);
}
