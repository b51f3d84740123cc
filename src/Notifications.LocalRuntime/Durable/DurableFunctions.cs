using Microsoft.DurableTask;

namespace Notifications.LocalRuntime.Durable;

/// <summary>
/// Registers every orchestrator and activity function of functions.metadata with the Durable Task SDK worker, by its
/// function name (the name Durable Functions gives it in Azure), each invocation going through
/// <see cref="FunctionInvoker"/> like any other function: an activity in its own DI scope, an orchestrator with its
/// <see cref="TaskOrchestrationContext"/>.
/// </summary>
public static class DurableFunctions
{
    public static void Register(DurableTaskRegistry registry, LocalFunctions functions, IServiceScopeFactory scopes, BoundFunctions bound, ILogger logger)
    {
        foreach (var function in functions.All)
        {
            switch (function.Trigger)
            {
                case OrchestrationTrigger:
                    registry.AddOrchestrator(function.Name, () => new Orchestrator(function));
                    bound.Add(function.Name, "orchestration");
                    break;
                case ActivityTrigger:
                    registry.AddActivity(function.Name, _ => new Activity(function, scopes, logger));
                    bound.Add(function.Name, "activity");
                    break;
            }
        }
    }

    private sealed class Orchestrator(LocalFunction function) : ITaskOrchestrator
    {
        // As in Durable Functions: the orchestration's input is the function's one parameter without a binding.
        public Type InputType => FunctionInvoker.OrchestrationInputParameter(function)?.ParameterType ?? typeof(object);

        public Type OutputType => ResultType(function);

        public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
            // Orchestrator code does no I/O and takes no services: no scope, and no CancellationToken to honour.
            FunctionInvoker.InvokeAsync(function, EmptyServices.Instance, context,
                new Dictionary<string, object?> { [FunctionInvoker.OrchestrationInputKey] = input }, CancellationToken.None);
    }

    private sealed class Activity(LocalFunction function, IServiceScopeFactory scopes, ILogger logger) : ITaskActivity
    {
        public Type InputType => function.Method.GetParameters().Single(p => p.Name == function.Trigger.ParameterName).ParameterType;

        public Type OutputType => ResultType(function);

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            await using var scope = scopes.CreateAsyncScope();
            var data = new Dictionary<string, object?> { ["instanceId"] = context.InstanceId };
            try
            {
                return await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, input!, data, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The orchestration sees the failure as a TaskFailedException, and nothing was logged here. The type
                // only: a message may quote what it failed on (an SMTP reply names its address), and logs hold no PI.
                Log.ActivityFailed(logger, function.Name, context.InstanceId, ex.GetType().Name);
                throw;
            }
        }
    }

    private static Type ResultType(LocalFunction function)
    {
        var type = function.Method.ReturnType;
        return type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0]
            : type == typeof(Task) || type == typeof(ValueTask) || type == typeof(void) ? typeof(object) : type;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
