namespace Notifications.Functions.Hosting;

/// <summary>Hosting log messages, event ids 1000–1099. Ids only, never message text.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Warning, "No queue or timer function is named {FunctionName} (invocation {InvocationId}).")]
    public static partial void UnknownFunction(ILogger logger, string functionName, string? invocationId);

    [LoggerMessage(1001, LogLevel.Warning, "Malformed invocation envelope for {FunctionName} (invocation {InvocationId}).")]
    public static partial void MalformedEnvelope(ILogger logger, string functionName, string? invocationId);

    [LoggerMessage(1002, LogLevel.Debug, "Queue function {FunctionName} started: message {MessageId}, dequeue count {DequeueCount} (invocation {InvocationId}).")]
    public static partial void QueueInvocationStarted(ILogger logger, string functionName, string? messageId, long dequeueCount, string? invocationId);

    [LoggerMessage(1003, LogLevel.Debug, "Timer function {FunctionName} started, past due {IsPastDue} (invocation {InvocationId}).")]
    public static partial void TimerInvocationStarted(ILogger logger, string functionName, bool isPastDue, string? invocationId);

    [LoggerMessage(1004, LogLevel.Debug, "Function {FunctionName} succeeded (invocation {InvocationId}).")]
    public static partial void InvocationSucceeded(ILogger logger, string functionName, string? invocationId);

    [LoggerMessage(1005, LogLevel.Error, "Function {FunctionName} failed (invocation {InvocationId}).")]
    public static partial void InvocationFailed(ILogger logger, Exception exception, string functionName, string? invocationId);

    [LoggerMessage(1010, LogLevel.Information, "Local runtime: listening to queue {QueueName} for {FunctionName}.")]
    public static partial void QueueListenerStarted(ILogger logger, string queueName, string functionName);

    [LoggerMessage(1011, LogLevel.Warning, "Local runtime: message {MessageId} on {QueueName} failed on attempt {DequeueCount}; visible again after {Delay}.")]
    public static partial void MessageReleased(ILogger logger, string messageId, string queueName, long dequeueCount, TimeSpan delay);

    [LoggerMessage(1012, LogLevel.Error, "Local runtime: message {MessageId} on {QueueName} failed {DequeueCount} times; moved to {PoisonQueueName}.")]
    public static partial void MessagePoisoned(ILogger logger, string messageId, string queueName, long dequeueCount, string poisonQueueName);

    [LoggerMessage(1013, LogLevel.Error, "Local runtime: polling queue {QueueName} failed; retrying.")]
    public static partial void PollFailed(ILogger logger, Exception exception, string queueName);

    [LoggerMessage(1014, LogLevel.Error, "Local runtime: settling message {MessageId} on {QueueName} failed; it reappears after its lease.")]
    public static partial void SettleFailed(ILogger logger, Exception exception, string messageId, string queueName);

    [LoggerMessage(1015, LogLevel.Error, "Local runtime: message {MessageId} on {QueueName} is not valid base64; moved to {PoisonQueueName}.")]
    public static partial void UndecodableMessagePoisoned(ILogger logger, string messageId, string queueName, string poisonQueueName);

    [LoggerMessage(1020, LogLevel.Information, "Local runtime: timer {FunctionName} on schedule {Schedule}, next run {Next:o}.")]
    public static partial void TimerScheduled(ILogger logger, string functionName, string schedule, DateTimeOffset next);
}
