namespace Notifications.Functions.Hosting;

/// <summary>Who may call an HTTP function at the Azure edge (function.json <c>authLevel</c>).</summary>
public enum AuthLevel
{
    Anonymous,
    Function,
}

/// <summary>
/// One Azure Functions function. The catalogue (<see cref="FunctionCatalogue"/>) lists every one; function.json files
/// for publishing and the local runtime's listeners are both generated from it.
/// </summary>
public abstract record FunctionDefinition(string Name);

/// <summary>Triggered by each message on <paramref name="QueueName"/> (before any <c>Storage:NamePrefix</c>).</summary>
public sealed record QueueFunction(string Name, string QueueName, Type Handler) : FunctionDefinition(Name);

/// <summary>Triggered on an NCRONTAB schedule with seconds, in UTC.</summary>
public sealed record TimerFunction(string Name, string Schedule, Type Handler) : FunctionDefinition(Name);

/// <summary>
/// An HTTP function with an httpTrigger in and an http out only, so the host forwards the original request to
/// <c>/api/{Route}</c> on the handler (contract §1.6). <paramref name="Route"/> has no <c>api/</c> prefix.
/// </summary>
public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, AuthLevel AuthLevel)
    : FunctionDefinition(Name);

/// <summary>A queue-triggered handler. Throwing makes the host (or local runtime) retry and finally poison the message.</summary>
public interface IQueueFunction
{
    Task RunAsync(QueueInvocation invocation, CancellationToken cancellationToken);
}

/// <param name="MessageText">The raw queue message text, already unwrapped from the host's encoding.</param>
/// <param name="DequeueCount">How many times the message has been dequeued, this attempt included.</param>
public sealed record QueueInvocation(string FunctionName, string MessageText, long DequeueCount, string? MessageId, string? InvocationId);

/// <summary>A timer-triggered handler. A failed run is not retried; the next occurrence runs as scheduled.</summary>
public interface ITimerFunction
{
    Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken);
}

public sealed record TimerInvocation(string FunctionName, bool IsPastDue);
