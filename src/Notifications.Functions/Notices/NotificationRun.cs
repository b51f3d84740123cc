using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Notifications.Infrastructure.FanOut;

namespace Notifications.Functions.Notices;

/// <summary>
/// One orchestration per notification run (instance id <c>{incident}:{run}</c>), started when an officer starts the
/// fan-out. The canary batches go first; the run then asks whether the canary is clean, waiting for its delivery
/// reports (a <see cref="RunSignal.DeliveryReport"/> event, or a durable timer up to <c>FanOut:CanaryDeliveryWait</c>),
/// and holds when too many bounced. Then the rest goes out, at most <c>FanOut:MaxBatchesInFlight</c> batches at once.
/// Each batch activity reserves its sends from the provider's quota; when the quota is spent, the run waits on a
/// durable timer until the next window. A halt (<see cref="RunSignal.Halt"/>) starts no new batch, the batches in
/// flight stop between sends, and the run waits for <see cref="RunSignal.Resume"/>. Fan-in: once every batch is
/// complete, it records the counts with the incident (<see cref="NoticeCompletion"/>, an event to the incident's
/// instance). Its state is the <c>fanout</c> table, so it continues as new every <see cref="BatchCallsPerExecution"/>
/// batch calls with nothing but its ids.
/// </summary>
public static class NotificationRun
{
    public const int BatchCallsPerExecution = 100;

    /// <summary>
    /// A batch that throws (transient SMTP failures after its own retries, or rows held by an attempt that may still run)
    /// is retried for about two minutes; then the run tries it again after <see cref="FailedBatchPause"/>.
    /// </summary>
    public static readonly TaskOptions BatchRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(4), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    public static readonly TimeSpan FailedBatchPause = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan MinQuotaPause = TimeSpan.FromSeconds(1);

    [Function(NotificationRunNames.Orchestration)]
    public static Task Run([OrchestrationTrigger] TaskOrchestrationContext context, NotificationRunInput input) =>
        new Flow(context, input).RunAsync();

    private enum Sent
    {
        Done,
        Halted,
        ContinueAsNew,
    }

    private sealed class Flow(TaskOrchestrationContext context, NotificationRunInput input)
    {
        private Task<string>? _signal;
        private int _calls;

        public async Task RunAsync()
        {
            while (true)
            {
                var plan = await context.CallActivityAsync<NotificationRunPlan?>(NotificationRunNames.Plan, input, IncidentRetry);
                if (plan is null)
                {
                    return; // no such run (another import's run is the incident's)
                }

                if (plan.Halted)
                {
                    await WaitForResumeAsync(RunPhase.Halted);
                    continue;
                }

                switch (await SendAsync(plan))
                {
                    case Sent.Halted:
                        await WaitForResumeAsync(RunPhase.Halted);
                        continue;
                    case Sent.ContinueAsNew:
                        context.ContinueAsNew(input, preserveUnprocessedEvents: true);
                        return;
                }

                if (!plan.RestReleased)
                {
                    if (await CanaryAsync() == CanaryVerdict.Failed)
                    {
                        await WaitForResumeAsync(RunPhase.Held);
                    }

                    continue; // released, halted or not ready: plan again
                }

                await context.CallActivityAsync<bool>(NotificationRunNames.Complete, input, IncidentRetry);
                Status(RunPhase.Complete, 0, null);
                return;
            }
        }

        private static TaskOptions IncidentRetry => Workflow.IncidentOrchestration.Retry;

        /// <summary>Sends the plan's unfinished batches, a few at a time, within the quota, until done or halted.</summary>
        private async Task<Sent> SendAsync(NotificationRunPlan plan)
        {
            var phase = plan.RestReleased ? RunPhase.Sending : RunPhase.Canary;
            var queue = new Queue<BatchMessage>(plan.Unfinished);
            var inFlight = new List<(Task<BatchResult> Task, BatchMessage Batch)>();
            DateTime? notBefore = null;
            var halting = false;
            var pausing = false;
            while (queue.Count > 0 || inFlight.Count > 0)
            {
                while (!halting && !pausing && queue.Count > 0 && inFlight.Count < plan.MaxInFlight
                       && (notBefore is null || context.CurrentUtcDateTime >= notBefore))
                {
                    if (_calls >= BatchCallsPerExecution)
                    {
                        pausing = true; // drain what is in flight, then continue as new with a short history
                        break;
                    }

                    var batch = queue.Dequeue();
                    inFlight.Add((context.CallActivityAsync<BatchResult>(SendNotificationBatch.Name, batch, BatchRetry), batch));
                    _calls++;
                }

                if (inFlight.Count == 0 && (halting || pausing))
                {
                    break;
                }

                Status(phase, inFlight.Count, notBefore);
                _signal ??= context.WaitForExternalEvent<string>(NotificationRunNames.Signal);
                var waits = new List<Task>(inFlight.Select(f => (Task)f.Task)) { _signal };
                using var cancel = new CancellationTokenSource();
                Task? timer = null;
                if (!halting && !pausing && notBefore is { } until && queue.Count > 0 && inFlight.Count < plan.MaxInFlight)
                {
                    timer = context.CreateTimer(until, cancel.Token);
                    waits.Add(timer);
                }

                var won = await Task.WhenAny(waits);
                if (timer is not null && won != timer)
                {
                    // Synchronously: orchestrator code must not hop threads.
#pragma warning disable CA1849
                    cancel.Cancel();
#pragma warning restore CA1849
                }

                if (won == _signal)
                {
                    halting |= await _signal == RunSignal.Halt;
                    _signal = null;
                    continue;
                }

                if (won == timer)
                {
                    notBefore = null;
                    continue;
                }

                var done = inFlight.Single(f => f.Task == won);
                inFlight.Remove(done);
                try
                {
                    var result = await done.Task;
                    if (result.Halted)
                    {
                        halting = true;
                    }
                    else if (result.Pending > 0)
                    {
                        // The quota ran out: the rest of this batch goes again once it has room.
                        queue.Enqueue(done.Batch);
                        // At least a second later, whatever the clocks say: a spent quota is never asked in a tight loop.
                        notBefore = Later(notBefore, Later(result.RetryAt?.UtcDateTime, context.CurrentUtcDateTime + MinQuotaPause));
                    }
                }
                catch (TaskFailedException)
                {
                    queue.Enqueue(done.Batch);
                    notBefore = Later(notBefore, context.CurrentUtcDateTime + FailedBatchPause);
                }
            }

            return halting ? Sent.Halted : pausing ? Sent.ContinueAsNew : Sent.Done;
        }

        /// <summary>Asks until the canary is released, held, or no longer ready (halted); waits for its delivery reports.</summary>
        private async Task<CanaryVerdict> CanaryAsync()
        {
            while (true)
            {
                var check = await context.CallActivityAsync<CanaryCheck>(NotificationRunNames.CheckCanary, input, IncidentRetry);
                if (check.Verdict != CanaryVerdict.AwaitingDelivery)
                {
                    return check.Verdict;
                }

                // A second's margin: the wait has run out when the check runs again.
                var until = context.CurrentUtcDateTime + check.AskAgainIn + TimeSpan.FromSeconds(1);
                Status(RunPhase.AwaitingDelivery, 0, until);
                _signal ??= context.WaitForExternalEvent<string>(NotificationRunNames.Signal);
                using var cancel = new CancellationTokenSource();
                var timer = context.CreateTimer(until, cancel.Token);
                if (await Task.WhenAny(_signal, timer) == _signal)
                {
#pragma warning disable CA1849
                    cancel.Cancel();
#pragma warning restore CA1849
                    var signal = await _signal;
                    _signal = null;
                    if (signal == RunSignal.Halt)
                    {
                        return CanaryVerdict.NotReady;
                    }
                }
            }
        }

        private async Task WaitForResumeAsync(string phase)
        {
            Status(phase, 0, null);
            while (true)
            {
                _signal ??= context.WaitForExternalEvent<string>(NotificationRunNames.Signal);
                var signal = await _signal;
                _signal = null;
                if (signal == RunSignal.Resume)
                {
                    return;
                }
            }
        }

        private void Status(string phase, int inFlight, DateTime? waitingUntil) =>
            context.SetCustomStatus(new NotificationRunStatus(phase, _calls, inFlight,
                waitingUntil is { } w ? new DateTimeOffset(w, TimeSpan.Zero) : null, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)));

        private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
    }
}

/// <summary>The run orchestration's small activities: its plan, the canary check and the fan-in.</summary>
public sealed class NotificationRunActivities(FanOutPlanner planner, NoticeCompletion completion, IOptions<FanOutOptions> options)
{
    [Function(NotificationRunNames.Plan)]
    public async Task<NotificationRunPlan?> Plan([ActivityTrigger] NotificationRunInput input, CancellationToken cancellationToken)
    {
        // The batches it returns carry this span as their trace parent: start → plan → batch → SMTP send, one trace.
        using var span = Infrastructure.Telemetry.StartConsumer(NotificationRunNames.Plan, input.TraceParent, input.IncidentId);
        span?.SetTag(Infrastructure.Telemetry.RunId, input.RunId);
        var run = await planner.GetRunAsync(input.IncidentId, cancellationToken);
        if (run is null || run.RunId != input.RunId)
        {
            return null;
        }

        var unfinished = await planner.UnfinishedAsync(run, cancellationToken);
        return new NotificationRunPlan(run.Batches, run.CanaryBatches, run.RestEnqueued, run.Halted,
            [.. unfinished.Select(n => FanOutPlanner.Batch(run, n))], options.Value.MaxBatchesInFlight);
    }

    [Function(NotificationRunNames.CheckCanary)]
    public async Task<CanaryCheck> CheckCanary([ActivityTrigger] NotificationRunInput input, CancellationToken cancellationToken)
    {
        var (verdict, askAgainIn) = await planner.CheckCanaryAsync(input.IncidentId, cancellationToken);
        return new CanaryCheck(verdict, askAgainIn);
    }

    /// <summary>Fan-in: records the notices complete with the incident, once (held while a notice is blocked).</summary>
    [Function(NotificationRunNames.Complete)]
    public Task<bool> Complete([ActivityTrigger] NotificationRunInput input, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        completion.RecordAsync(durable, input.IncidentId, cancellationToken);
}
