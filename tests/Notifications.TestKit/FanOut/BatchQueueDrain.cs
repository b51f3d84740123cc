using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Notifications.Infrastructure.FanOut;

namespace Notifications.TestKit.FanOut;

/// <summary>
/// Plays the queue trigger for <c>notification-batches</c> the way the Functions host does: each message is handled, and
/// deleted when the handler returns; when it throws, the message becomes visible again (redelivery) until
/// <c>maxDequeueCount</c>, after which the drain fails. Runs until the queue is empty.
/// </summary>
public static class BatchQueueDrain
{
    public sealed record Outcome(IReadOnlyList<BatchResult> Results, int Failures);

    public static async Task<Outcome> RunAsync(QueueClient queue, Func<BatchMessage, CancellationToken, Task<BatchResult>> handle,
        int parallelism, int maxDequeueCount = 5, CancellationToken ct = default)
    {
        var results = new ConcurrentBag<BatchResult>();
        var failures = 0;
        while (true)
        {
            var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), ct)).Value;
            if (messages.Length == 0)
            {
                return new Outcome(results.ToList(), failures);
            }

            await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct },
                async (message, token) =>
                {
                    try
                    {
                        results.Add(await handle(BatchMessage.Parse(message.MessageText), token));
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, token);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref failures);
                        if (message.DequeueCount >= maxDequeueCount)
                        {
                            throw new InvalidOperationException($"Batch message failed {message.DequeueCount} times (poison).", ex);
                        }

                        await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: token);
                    }
                });
        }
    }
}
