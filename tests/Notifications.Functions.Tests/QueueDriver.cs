using Microsoft.Extensions.DependencyInjection;
using Notifications.Functions.Hosting;
using Notifications.Infrastructure.Storage;

namespace Notifications.Functions.Tests;

/// <summary>Delivers what is visible on a function's queue to that function, as a trigger would, and deletes it on success.</summary>
public static class QueueDriver
{
    /// <summary>Handles messages until the queue is empty, or <paramref name="max"/> were handled; returns how many.</summary>
    public static async Task<int> DrainAsync(IServiceProvider services, QueueFunction function, CancellationToken ct, int max = int.MaxValue)
    {
        var queue = await services.GetRequiredService<StorageClients>().QueueAsync(function.QueueName);
        var handled = 0;
        while (handled < max)
        {
            var messages = (await queue.ReceiveMessagesAsync(Math.Min(16, max - handled), TimeSpan.FromMinutes(1), ct)).Value;
            if (messages.Length == 0)
            {
                return handled;
            }

            foreach (var message in messages)
            {
                using var scope = services.CreateScope();
                var handler = (IQueueFunction)scope.ServiceProvider.GetRequiredService(function.Handler);
                await handler.RunAsync(new QueueInvocation(function.Name, message.MessageText, message.DequeueCount, message.MessageId, null), ct);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                handled++;
            }
        }

        return handled;
    }
}
