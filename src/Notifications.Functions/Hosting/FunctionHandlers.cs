namespace Notifications.Functions.Hosting;

/// <summary>Handler-type rules shared by registration, validation and dispatch.</summary>
public static class FunctionHandlers
{
    /// <summary>The handler type of a queue or timer function; HTTP functions have none.</summary>
    public static Type HandlerType(FunctionDefinition function) => function switch
    {
        QueueFunction queue => queue.Handler,
        TimerFunction timer => timer.Handler,
        _ => throw new InvalidOperationException($"Function '{function.Name}' has no handler type."),
    };

    /// <summary>Registers every queue and timer handler type as scoped (unless already registered).</summary>
    public static void Register(IServiceCollection services, IEnumerable<FunctionDefinition> functions)
    {
        foreach (var function in functions)
        {
            Validate(function);
            if (function is QueueFunction or TimerFunction)
            {
                var type = HandlerType(function);
                if (!services.Any(d => d.ServiceType == type))
                {
                    services.AddScoped(type);
                }
            }
        }
    }

    public static void Validate(FunctionDefinition function)
    {
        var (handler, expected) = function switch
        {
            QueueFunction queue => (queue.Handler, typeof(IQueueFunction)),
            TimerFunction timer => (timer.Handler, typeof(ITimerFunction)),
            _ => (null, null),
        };
        if (handler is not null && !expected!.IsAssignableFrom(handler))
        {
            throw new InvalidOperationException(
                $"The handler {handler.Name} of function '{function.Name}' does not implement {expected.Name}.");
        }
    }
}
