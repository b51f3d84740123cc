using System.Diagnostics;

namespace Notifications.Infrastructure;

/// <summary>The app's one <see cref="ActivitySource"/>. Queue messages carry the W3C trace parent of their producer.</summary>
public static class Telemetry
{
    public const string SourceName = "Notifications";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Starts a consumer span that continues the trace a queue message was produced in.</summary>
    public static Activity? StartConsumer(string name, string? traceParent, string incidentId)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        var activity = Source.StartActivity(name, ActivityKind.Consumer, parent);
        activity?.SetTag("incident.id", incidentId);
        return activity;
    }
}
