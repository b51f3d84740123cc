using System.Collections.Concurrent;
using DurableTask.Core;

namespace Notifications.LocalRuntime.Durable;

/// <summary>
/// Keeps each running activity's work item locked: the provider's work-item queue message stays invisible only for the
/// visibility timeout, and the sidecar's dispatcher (the preview <c>InProcessTestHost</c>) never renews it, so an
/// activity that ran longer was handed out again while it still ran, and its first result then failed to delete the
/// message. In Azure the Durable extension's dispatcher renews the lock; this does the same for the local backend,
/// every third of the timeout from when the activity is handed out until it completes or is abandoned. Everything
/// else goes straight to the provider.
/// </summary>
internal sealed class ActivityLockRenewal(IOrchestrationService inner, TimeSpan visibilityTimeout, ILogger logger) : IOrchestrationService
{
    private readonly ConcurrentDictionary<string, Renewal> _running = new();
    private readonly TimeSpan _period = TimeSpan.FromTicks(Math.Max(visibilityTimeout.Ticks / 3, TimeSpan.TicksPerSecond));

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            // The same message handed out again can only mean its earlier lock was lost: that renewal is moot.
            await StopRenewingAsync(workItem);
            _running[workItem.Id] = new Renewal(workItem, inner, _period, logger);
        }

        // Null when nothing came within the receive timeout; the interface is not annotated for it.
        return workItem!;
    }

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        await StopRenewingAsync(workItem);
        await inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    }

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        await StopRenewingAsync(workItem);
        await inner.AbandonTaskActivityWorkItemAsync(workItem);
    }

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public async Task StopAsync(bool isForced)
    {
        await Task.WhenAll(_running.Values.Select(r => r.StopAsync()));
        await inner.StopAsync(isForced);
    }

    public Task StopAsync() => StopAsync(isForced: false);

    /// <summary>Stops renewing before the provider deletes or releases the message, so no renewal races with it.</summary>
    private async Task StopRenewingAsync(TaskActivityWorkItem workItem)
    {
        if (_running.TryRemove(workItem.Id, out var renewal))
        {
            await renewal.StopAsync();
        }
    }

    public Task StartAsync() => inner.StartAsync();

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    /// <summary>One activity's renewal loop, from when it is handed out until it is stopped.</summary>
    private sealed class Renewal
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public Renewal(TaskActivityWorkItem workItem, IOrchestrationService provider, TimeSpan period, ILogger logger) =>
            _loop = RenewAsync(workItem, provider, period, logger);

        private async Task RenewAsync(TaskActivityWorkItem workItem, IOrchestrationService provider, TimeSpan period, ILogger logger)
        {
            var instanceId = workItem.TaskMessage.OrchestrationInstance.InstanceId;
            try
            {
                while (true)
                {
                    await Task.Delay(period, _stop.Token);
                    // The provider logs and swallows a renewal that lost its message (completed, or taken after a crash).
                    await provider.RenewTaskActivityWorkItemLockAsync(workItem);
                    Log.ActivityLockRenewed(logger, instanceId, workItem.Id);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                Log.ActivityLockRenewalFailed(logger, ex, instanceId, workItem.Id);
            }
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
        }
    }
}
