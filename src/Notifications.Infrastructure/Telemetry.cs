using System.Diagnostics;

namespace Notifications.Infrastructure;

/// <summary>The app's one <see cref="ActivitySource"/>. Queue messages carry the W3C trace parent of their producer.</summary>
public static class Telemetry
{
    public const string SourceName = "Notifications";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Span attributes: ids only, never personal data.</summary>
    public const string IncidentId = "incident.id";

    public const string RunId = "run.id";

    /// <summary>Starts a consumer span that continues the trace a queue message was produced in.</summary>
    public static Activity? StartConsumer(string name, string? traceParent, string incidentId)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        // Already inside that trace (the function's own span, say): nest under it rather than beside it.
        if (Activity.Current is { } current && current.TraceId == parent.TraceId)
        {
            parent = current.Context;
        }

        var activity = Source.StartActivity(name, ActivityKind.Consumer, parent);
        activity?.SetTag(IncidentId, incidentId);
        return activity;
    }
}
