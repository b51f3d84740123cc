using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Infrastructure.Storage;
using Notifications.LocalRuntime;

namespace Notifications.Functions.Tests;

/// <summary>
/// Delivers what is visible on a queue function's queue to that function, as its trigger would (through the local
/// runtime's <see cref="FunctionInvoker"/>, by the function's name in functions.metadata), and deletes it on success.
/// </summary>
public static class QueueDriver
{
    /// <summary>Handles messages until the queue is empty, or <paramref name="max"/> were handled; returns how many.</summary>
    public static async Task<int> DrainAsync(IServiceProvider services, string functionName, CancellationToken ct, int max = int.MaxValue)
    {
        var queue = await QueueAsync(services, functionName);
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
                await InvokeAsync(services, functionName, message, ct);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                handled++;
            }
        }

        return handled;
    }

    /// <summary>The queue a queue function listens to (with the test's name prefix).</summary>
    public static Task<Azure.Storage.Queues.QueueClient> QueueAsync(IServiceProvider services, string functionName) =>
        services.GetRequiredService<StorageClients>().QueueAsync(((QueueTrigger)Function(services, functionName).Trigger).QueueName);

    /// <summary>Runs a queue function once on <paramref name="message"/>, in its own scope.</summary>
    public static async Task InvokeAsync(IServiceProvider services, string functionName, QueueMessage message, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await FunctionInvoker.InvokeAsync(Function(services, functionName), scope.ServiceProvider, message,
            new Dictionary<string, object?> { ["DequeueCount"] = message.DequeueCount, ["Id"] = message.MessageId }, ct);
    }

    /// <summary>Runs a timer function once, as its schedule would.</summary>
    public static async Task FireTimerAsync(IServiceProvider services, string functionName, CancellationToken ct, bool isPastDue = false)
    {
        await using var scope = services.CreateAsyncScope();
        await FunctionInvoker.InvokeAsync(Function(services, functionName), scope.ServiceProvider, new TimerInfo { IsPastDue = isPastDue },
            new Dictionary<string, object?>(), ct);
    }

    private static LocalFunction Function(IServiceProvider services, string name) => services.GetRequiredService<LocalFunctions>()[name];
}
