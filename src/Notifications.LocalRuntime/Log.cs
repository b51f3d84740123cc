namespace Notifications.LocalRuntime;

/// <summary>Local runtime log messages, event ids 1000–1049 (1050 is HttpEdge's). Ids only, never message text.</summary>
internal static partial class Log
{
    [LoggerMessage(1005, LogLevel.Error, "Function {FunctionName} failed on message {MessageId}, attempt {DequeueCount}.")]
    public static partial void InvocationFailed(ILogger logger, Exception exception, string functionName, string messageId, long dequeueCount);

    [LoggerMessage(1006, LogLevel.Error, "Timer function {FunctionName} failed; the next occurrence runs as scheduled.")]
    public static partial void TimerFailed(ILogger logger, Exception exception, string functionName);

    [LoggerMessage(1007, LogLevel.Information, "Local runtime: {Count} function(s) from {Path}.")]
    public static partial void FunctionsLoaded(ILogger logger, int count, string path);

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

    [LoggerMessage(1021, LogLevel.Debug, "Local runtime: timer {FunctionName} fired (past due {IsPastDue}).")]
    public static partial void TimerFired(ILogger logger, string functionName, bool isPastDue);

    [LoggerMessage(1022, LogLevel.Warning, "Local runtime: reading or writing the schedule status of timer {FunctionName} failed; it runs unmonitored this time.")]
    public static partial void ScheduleMonitorFailed(ILogger logger, Exception exception, string functionName);

    [LoggerMessage(1030, LogLevel.Information, "Local runtime: Durable task hub {TaskHub} ready, sidecar on 127.0.0.1:{Port}.")]
    public static partial void DurableHubReady(ILogger logger, string taskHub, int port);

    [LoggerMessage(1031, LogLevel.Warning, "Local runtime: the Durable provider of task hub {TaskHub} held no partition after {Timeout}; orchestrations may wait.")]
    public static partial void DurableNotRunning(ILogger logger, string taskHub, TimeSpan timeout);

    [LoggerMessage(1032, LogLevel.Debug, "Local runtime: renewed the lock of activity work item {WorkItemId} of instance {InstanceId}.")]
    public static partial void ActivityLockRenewed(ILogger logger, string instanceId, string workItemId);

    [LoggerMessage(1033, LogLevel.Warning, "Local runtime: renewing the lock of activity work item {WorkItemId} of instance {InstanceId} failed; it may be handed out again.")]
    public static partial void ActivityLockRenewalFailed(ILogger logger, Exception exception, string instanceId, string workItemId);

    [LoggerMessage(1034, LogLevel.Error, "Local runtime: activity {FunctionName} of instance {InstanceId} failed with {ExceptionType}.")]
    public static partial void ActivityFailed(ILogger logger, string functionName, string instanceId, string exceptionType);
}
