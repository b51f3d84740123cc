using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Notifications.LocalRuntime;

/// <summary>
/// The local stand-in for the host's queue listener (contract §3): fetch <c>batchSize</c> messages under a processing
/// lease, run up to <c>batchSize + newBatchThreshold</c> at once, delete on success, release after
/// <c>visibilityTimeout</c> on failure, and copy to <c>&lt;queue&gt;-poison</c> once <c>maxDequeueCount</c> is reached.
/// </summary>
internal sealed class QueueListener(
    LocalFunction function,
    QueueClient queue,
    QueueClient poison,
    QueueRuntimeOptions options,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        Log.QueueListenerStarted(logger, queue.Name, function.Name);

        var running = new List<Task>();
        var backoff = MinPollingInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                running.RemoveAll(t => t.IsCompleted);
                if (running.Count > options.NewBatchThreshold)
                {
                    await Task.WhenAny(running);
                    continue;
                }

                var messages = await ReceiveAsync(stoppingToken);
                if (messages.Length == 0)
                {
                    await DelayAsync(Jitter(backoff), stoppingToken);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, Math.Max(options.MaxPollingInterval.Ticks, MinPollingInterval.Ticks)));
                    continue;
                }

                backoff = MinPollingInterval;
                running.AddRange(messages.Select(message => ProcessAsync(message, stoppingToken)));
            }
        }
        finally
        {
            await Task.WhenAll(running);
        }
    }

    private async Task<QueueMessage[]> ReceiveAsync(CancellationToken stoppingToken)
    {
        try
        {
            return (await queue.ReceiveMessagesAsync(options.BatchSize, options.ProcessingLease, stoppingToken)).Value;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return [];
        }
        catch (Exception ex)
        {
            Log.PollFailed(logger, ex, queue.Name);
            return [];
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        await Task.Yield();
        bool succeeded;
        string popReceipt;
        using (var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            var lease = RenewLeaseAsync(message, renewing.Token);
            succeeded = await InvokeAsync(message, stoppingToken);
            await renewing.CancelAsync();
            popReceipt = await lease;
        }

        try
        {
            // Settle even while stopping, so a message is not stuck behind its 10-minute lease.
            using var settle = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            if (succeeded)
            {
                await queue.DeleteMessageAsync(message.MessageId, popReceipt, settle.Token);
            }
            else if (stoppingToken.IsCancellationRequested)
            {
                await queue.UpdateMessageAsync(message.MessageId, popReceipt, message.Body, TimeSpan.Zero, settle.Token);
            }
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await poison.SendMessageAsync(message.Body, cancellationToken: settle.Token);
                await queue.DeleteMessageAsync(message.MessageId, popReceipt, settle.Token);
                Log.MessagePoisoned(logger, message.MessageId, queue.Name, message.DequeueCount, poison.Name);
            }
            else
            {
                await queue.UpdateMessageAsync(
                    message.MessageId, popReceipt, message.Body, options.VisibilityTimeout, settle.Token);
                Log.MessageReleased(logger, message.MessageId, queue.Name, message.DequeueCount, options.VisibilityTimeout);
            }
        }
        catch (Exception ex)
        {
            Log.SettleFailed(logger, ex, message.MessageId, queue.Name);
        }
    }

    private async Task<bool> InvokeAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        var data = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Id"] = message.MessageId,
            ["DequeueCount"] = message.DequeueCount,
            ["PopReceipt"] = message.PopReceipt,
            ["InsertionTime"] = message.InsertedOn,
            ["ExpirationTime"] = message.ExpiresOn,
            ["NextVisibleTime"] = message.NextVisibleOn,
        };
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, message, data, stoppingToken);
            return true;
        }
        catch (Exception ex)
        {
            Log.InvocationFailed(logger, ex, function.Name, message.MessageId, message.DequeueCount);
            return false;
        }
    }

    /// <summary>
    /// Keeps the processing lease while the handler runs, like the host does; returns the latest pop receipt
    /// (each visibility update issues a new one).
    /// </summary>
    private async Task<string> RenewLeaseAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var popReceipt = message.PopReceipt;
        try
        {
            while (true)
            {
                await Task.Delay(options.ProcessingLease / 2, time, cancellationToken);
                // Not cancelled once sent: an update that lands unseen would leave us with a stale pop receipt.
                var renewed = await queue.UpdateMessageAsync(
                    message.MessageId, popReceipt, message.Body, options.ProcessingLease, CancellationToken.None);
                popReceipt = renewed.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return popReceipt;
        }
        catch (Exception ex)
        {
            Log.SettleFailed(logger, ex, message.MessageId, queue.Name);
            return popReceipt;
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static TimeSpan Jitter(TimeSpan delay) => delay * (0.8 + (Random.Shared.NextDouble() * 0.4));
}
