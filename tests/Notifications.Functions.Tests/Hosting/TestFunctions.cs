using System.Collections.Concurrent;
using Notifications.Functions.Hosting;

namespace Notifications.Functions.Tests.Hosting;

/// <summary>What the test handlers saw; one per test app (singleton).</summary>
public sealed class InvocationLog
{
    public ConcurrentQueue<QueueInvocation> Queue { get; } = new();
    public ConcurrentQueue<TimerInvocation> Timer { get; } = new();
}

public sealed class RecordingQueueHandler(InvocationLog log) : IQueueFunction
{
    public Task RunAsync(QueueInvocation invocation, CancellationToken cancellationToken)
    {
        log.Queue.Enqueue(invocation);
        return Task.CompletedTask;
    }
}

public sealed class FailingQueueHandler(InvocationLog log) : IQueueFunction
{
    public Task RunAsync(QueueInvocation invocation, CancellationToken cancellationToken)
    {
        log.Queue.Enqueue(invocation);
        throw new InvalidOperationException("Always fails.");
    }
}

/// <summary>Blocks until the runtime cancels it (shutdown).</summary>
public sealed class BlockingQueueHandler(InvocationLog log) : IQueueFunction
{
    public async Task RunAsync(QueueInvocation invocation, CancellationToken cancellationToken)
    {
        log.Queue.Enqueue(invocation);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}

public sealed class RecordingTimerHandler(InvocationLog log) : ITimerFunction
{
    public Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        log.Timer.Enqueue(invocation);
        return Task.CompletedTask;
    }
}

/// <summary>A catalogue with one function of each kind, for tests that don't need the real one.</summary>
public static class TestCatalogue
{
    public static readonly QueueFunction Intake = new("Intake", "intake", typeof(RecordingQueueHandler));
    public static readonly QueueFunction Broken = new("Broken", "broken", typeof(FailingQueueHandler));
    public static readonly QueueFunction Stuck = new("Stuck", "stuck", typeof(BlockingQueueHandler));
    public static readonly TimerFunction Sweep = new("Sweep", "0 */5 * * * *", typeof(RecordingTimerHandler));
    public static readonly HttpFunction GetThing = new("GetThing", "things/{id}", ["GET"], AuthLevel.Function);
    public static readonly HttpFunction PostThing = new("PostThing", "things", ["post", "put"], AuthLevel.Anonymous);

    public static IReadOnlyList<FunctionDefinition> All { get; } = [Intake, Broken, Sweep, GetThing, PostThing];
}
