using System.Text.Json;

namespace Notifications.Functions.Hosting;

public enum InvocationStatus
{
    Succeeded,
    NotFound,
    BadRequest,
    Failed,
}

/// <param name="Error">A short, content-free reason for a non-success status (never message text).</param>
public sealed record InvocationResult(InvocationStatus Status, string? Error, IReadOnlyList<string> Logs)
{
    public static InvocationResult Fail(InvocationStatus status, string error) => new(status, error, []);
}

/// <summary>
/// The one path from a host-shaped envelope to a handler. The invocation endpoint (Functions host) and the local
/// runtime (queue listeners, timers) both call <see cref="DispatchAsync"/>.
/// </summary>
public sealed class FunctionDispatcher(
    RegisteredFunctions functions,
    IServiceScopeFactory scopes,
    ILogger<FunctionDispatcher> logger)
{
    public async Task<InvocationResult> DispatchAsync(
        string functionName, Stream body, string? invocationId, CancellationToken cancellationToken)
    {
        var function = functions.Find(functionName);
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["FunctionName"] = function?.Name ?? functionName,
            ["InvocationId"] = invocationId,
        });

        switch (function)
        {
            case QueueFunction queue:
                return await DispatchQueueAsync(queue, body, invocationId, cancellationToken);
            case TimerFunction timer:
                return await DispatchTimerAsync(timer, body, invocationId, cancellationToken);
            default:
                Log.UnknownFunction(logger, functionName, invocationId);
                return InvocationResult.Fail(InvocationStatus.NotFound, "No queue or timer function has this name.");
        }
    }

    private async Task<InvocationResult> DispatchQueueAsync(
        QueueFunction function, Stream body, string? invocationId, CancellationToken cancellationToken)
    {
        var envelope = await ReadAsync<QueueEnvelope>(body, cancellationToken);
        if (envelope?.Data?.Msg is not { } msg)
        {
            Log.MalformedEnvelope(logger, function.Name, invocationId);
            return InvocationResult.Fail(InvocationStatus.BadRequest, "The envelope has no Data.msg.");
        }

        if (WireDecoding.QueueMessageText(msg) is not { } text)
        {
            Log.MalformedEnvelope(logger, function.Name, invocationId);
            return InvocationResult.Fail(InvocationStatus.BadRequest, "Data.msg is not a readable queue message.");
        }

        var metadata = envelope.Metadata;
        var invocation = new QueueInvocation(function.Name, text, metadata?.DequeueCount ?? 1, metadata?.Id, invocationId);
        Log.QueueInvocationStarted(logger, function.Name, invocation.MessageId, invocation.DequeueCount, invocationId);
        return await RunAsync<IQueueFunction>(function, invocationId,
            handler => handler.RunAsync(invocation, cancellationToken));
    }

    private async Task<InvocationResult> DispatchTimerAsync(
        TimerFunction function, Stream body, string? invocationId, CancellationToken cancellationToken)
    {
        var envelope = await ReadAsync<TimerEnvelope>(body, cancellationToken);
        if (envelope?.Data?.Timer is not { } timer)
        {
            Log.MalformedEnvelope(logger, function.Name, invocationId);
            return InvocationResult.Fail(InvocationStatus.BadRequest, "The envelope has no Data.timer.");
        }

        var invocation = new TimerInvocation(function.Name, timer.IsPastDue);
        Log.TimerInvocationStarted(logger, function.Name, timer.IsPastDue, invocationId);
        return await RunAsync<ITimerFunction>(function, invocationId,
            handler => handler.RunAsync(invocation, cancellationToken));
    }

    private async Task<InvocationResult> RunAsync<THandler>(
        FunctionDefinition function, string? invocationId, Func<THandler, Task> run)
        where THandler : class
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = (THandler)ActivatorUtilities.GetServiceOrCreateInstance(
                scope.ServiceProvider, FunctionHandlers.HandlerType(function));
            await run(handler);
        }
        catch (Exception ex)
        {
            Log.InvocationFailed(logger, ex, function.Name, invocationId);
            return InvocationResult.Fail(InvocationStatus.Failed, $"The handler failed ({ex.GetType().Name}).");
        }

        Log.InvocationSucceeded(logger, function.Name, invocationId);
        return new InvocationResult(InvocationStatus.Succeeded, null, [$"{function.Name} succeeded (invocation {invocationId})."]);
    }

    private static async Task<T?> ReadAsync<T>(Stream body, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(body, WireDecoding.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
