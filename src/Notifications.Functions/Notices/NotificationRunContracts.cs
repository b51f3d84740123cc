using Microsoft.DurableTask.Client;
using Notifications.Infrastructure.FanOut;

namespace Notifications.Functions.Notices;

/// <summary>The names of the run orchestration, its activities and its event.</summary>
public static class NotificationRunNames
{
    public const string Orchestration = "NotificationRun";
    public const string Plan = "PlanNotificationRun";
    public const string CheckCanary = "CheckNotificationCanary";
    public const string Complete = "CompleteNotificationRun";

    /// <summary>The run's one external event: <see cref="RunSignal"/> values.</summary>
    public const string Signal = "run-signal";

    /// <summary>The instance id of an incident's run: ids only.</summary>
    public static string InstanceId(string incidentId, string runId) => $"{incidentId}:{runId}";
}

/// <summary>What the run is told from outside: an officer halted or resumed it, or a delivery report arrived.</summary>
public static class RunSignal
{
    public const string Halt = "halt";
    public const string Resume = "resume";
    public const string DeliveryReport = "delivery-report";
}

/// <summary>
/// The run orchestration's input: ids only, and the W3C trace parent of the request that started it, so the run's
/// activities and batches continue that trace wherever the orchestration runs (the local runtime's Durable Task SDK
/// worker behind the sidecar carries no trace context of its own).
/// </summary>
public sealed record NotificationRunInput(string IncidentId, string RunId, string? TraceParent = null);

/// <summary>
/// The run as stored, for the orchestration: the batches released and not complete yet (canary first), whether the rest
/// was released after the canary, whether it is halted, and how many batches may be in flight.
/// </summary>
public sealed record NotificationRunPlan(int Batches, int CanaryBatches, bool RestReleased, bool Halted, IReadOnlyList<BatchMessage> Unfinished, int MaxInFlight);

/// <summary>The canary's verdict, and how long to wait at most before asking again while it awaits delivery reports.</summary>
public sealed record CanaryCheck(CanaryVerdict Verdict, TimeSpan AskAgainIn);

/// <summary>Where a run stands, as its custom status (ids and counts only).</summary>
public sealed record NotificationRunStatus(string Phase, int BatchCalls, int InFlight, DateTimeOffset? WaitingUntil, DateTimeOffset At);

/// <summary>The phases of <see cref="NotificationRunStatus"/>.</summary>
public static class RunPhase
{
    public const string Canary = "canary";
    public const string AwaitingDelivery = "awaitingDelivery";
    public const string Sending = "sending";
    public const string Halted = "halted";
    public const string Held = "held";
    public const string Complete = "complete";
}

/// <summary>How the endpoints and the delivery reports reach a run's orchestration.</summary>
public static class NotificationRunClient
{
    /// <summary>Schedules the run's orchestration unless it exists and has not failed (a retried start changes nothing).</summary>
    public static async Task EnsureStartedAsync(DurableTaskClient durable, FanOutRun run, CancellationToken ct)
    {
        var instanceId = NotificationRunNames.InstanceId(run.IncidentId, run.RunId);
        // A run that failed or was terminated starts again under its id: its state is the fanout table, not its history.
        if (await durable.GetInstanceAsync(instanceId, ct) is { } existing
            && existing.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
        {
            return;
        }

        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(NotificationRunNames.Orchestration, new NotificationRunInput(run.IncidentId, run.RunId, System.Diagnostics.Activity.Current?.Id),
                new Microsoft.DurableTask.StartOrchestrationOptions(instanceId), ct);
        }
        catch (Exception)
        {
            // A concurrent start may have scheduled it first; anything else is a failure.
            if (await durable.GetInstanceAsync(instanceId, ct) is null)
            {
                throw;
            }
        }
    }

    /// <summary>Tells the run something happened; false when it has no orchestration (yet, or any more).</summary>
    public static async Task<bool> SignalAsync(DurableTaskClient durable, FanOutRun run, string signal, CancellationToken ct)
    {
        var instanceId = NotificationRunNames.InstanceId(run.IncidentId, run.RunId);
        if (await durable.GetInstanceAsync(instanceId, ct) is not { IsRunning: true } and not { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
        {
            return false;
        }

        await durable.RaiseEventAsync(instanceId, NotificationRunNames.Signal, signal, ct);
        return true;
    }
}
