using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
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
            // Like the host's newBatchThreshold: a worker that finishes pulls the next message, fetched 32 at a time.
            var handled = 0;
            await Parallel.ForEachAsync(ReceiveAsync(queue, ct), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct },
                async (message, token) =>
                {
                    Interlocked.Increment(ref handled);
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
            if (handled == 0)
            {
                return new Outcome(results.ToList(), failures);
            }
        }
    }

    private static async IAsyncEnumerable<QueueMessage> ReceiveAsync(QueueClient queue, [EnumeratorCancellation] CancellationToken ct)
    {
        while (true)
        {
            var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), ct)).Value;
            if (messages.Length == 0)
            {
                yield break;
            }

            foreach (var message in messages)
            {
                yield return message;
            }
        }
    }
}
