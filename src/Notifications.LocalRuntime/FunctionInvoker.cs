using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Notifications.LocalRuntime;

/// <summary>
/// Invokes a function the way the isolated worker does: in the invocation's own DI scope, on an instance of the
/// function's class created from that scope (constructor injection, like the worker's default activator), with the
/// trigger bound to the parameter the trigger binding names and the rest bound by name from the binding data, plus
/// <see cref="CancellationToken"/> and <see cref="FunctionContext"/>. A function's code cannot tell the two apart.
/// </summary>
public static class FunctionInvoker
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The binding-data key of an orchestration's input.</summary>
    public const string OrchestrationInputKey = "__orchestrationInput__";

    /// <summary>
    /// An orchestrator's input parameter: its first parameter that is neither the trigger nor a FunctionContext or a
    /// CancellationToken, as the Durable extension binds it.
    /// </summary>
    public static ParameterInfo? OrchestrationInputParameter(LocalFunction function) => function.Trigger is OrchestrationTrigger
        ? function.Method.GetParameters().FirstOrDefault(p => p.Name != function.Trigger.ParameterName
            && p.ParameterType != typeof(FunctionContext) && p.ParameterType != typeof(CancellationToken))
        : null;

    /// <summary>Throws, naming the function and parameter, when a parameter could not be bound for this trigger.</summary>
    public static void CheckBindable(LocalFunction function)
    {
        foreach (var parameter in function.Method.GetParameters())
        {
            var type = parameter.ParameterType;
            var bindable = type == typeof(CancellationToken) || type == typeof(FunctionContext) || type == typeof(DurableTaskClient)
                || parameter.Position == OrchestrationInputParameter(function)?.Position
                || (parameter.Name == function.Trigger.ParameterName ? TriggerTypeSupported(function.Trigger, type) : OtherSupported(function.Trigger, parameter));
            if (!bindable)
            {
                throw new InvalidOperationException(
                    $"Function {function.Name}: the local runtime cannot bind parameter '{parameter.Name}' ({type.Name}) of a {function.Trigger.GetType().Name}.");
            }
        }
    }

    /// <summary>Runs the function once; returns what it returned (awaited), or throws what it threw.</summary>
    public static async Task<object?> InvokeAsync(
        LocalFunction function, IServiceProvider services, object trigger, IReadOnlyDictionary<string, object?> bindingData, CancellationToken ct)
    {
        var method = function.Method;
        var context = new LocalFunctionContext(function, services, bindingData, ct);
        var arguments = method.GetParameters().Select(p => Bind(function, p, trigger, bindingData, context, ct)).ToArray();
        var instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        var returned = method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, CultureInfo.InvariantCulture);
        switch (returned)
        {
            case Task task:
                await task;
                return method.ReturnType.IsGenericType ? method.ReturnType.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            case not null when method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>):
                var asTask = (Task)method.ReturnType.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
                await asTask;
                return asTask.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(asTask);
            default:
                return returned;
        }
    }

    private static object? Bind(
        LocalFunction function, ParameterInfo parameter, object trigger, IReadOnlyDictionary<string, object?> bindingData,
        FunctionContext context, CancellationToken ct)
    {
        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken))
        {
            return ct;
        }

        if (type == typeof(FunctionContext))
        {
            return context;
        }

        if (type == typeof(DurableTaskClient))
        {
            return context.InstanceServices.GetRequiredService<DurableTaskClient>();
        }

        if (parameter.Name == function.Trigger.ParameterName)
        {
            return ConvertTrigger(trigger, type);
        }

        if (parameter.Position == OrchestrationInputParameter(function)?.Position)
        {
            return bindingData.GetValueOrDefault(OrchestrationInputKey);
        }

        return bindingData.TryGetValue(parameter.Name!, out var value) && value is not null
            ? ConvertValue(value, type)
            : parameter.HasDefaultValue ? parameter.DefaultValue : null;
    }

    private static bool TriggerTypeSupported(FunctionTrigger trigger, Type type) => trigger switch
    {
        HttpTrigger => type == typeof(HttpRequest),
        QueueTrigger => true,
        TimerTrigger => type == typeof(TimerInfo),
        OrchestrationTrigger => type == typeof(TaskOrchestrationContext),
        ActivityTrigger => true,
        _ => false,
    };

    /// <summary>HTTP functions take route values by name; strings and simple values come from the binding data.</summary>
    private static bool OtherSupported(FunctionTrigger trigger, ParameterInfo parameter) =>
        trigger is HttpTrigger http
            ? (http.Route.Contains("{" + parameter.Name, StringComparison.OrdinalIgnoreCase) || parameter.HasDefaultValue) && IsSimple(parameter.ParameterType)
            : parameter.HasDefaultValue;

    private static bool IsSimple(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(string) || t.IsPrimitive || t == typeof(Guid) || t == typeof(DateTimeOffset));

    private static object? ConvertTrigger(object trigger, Type type) => trigger switch
    {
        HttpContext http => http.Request,
        QueueMessage message when type == typeof(QueueMessage) => message,
        QueueMessage message when type == typeof(string) => message.MessageText,
        QueueMessage message when type == typeof(BinaryData) => message.Body,
        QueueMessage message when type == typeof(byte[]) => message.Body.ToArray(),
        QueueMessage message => JsonSerializer.Deserialize(message.MessageText, type, Json),
        _ => trigger,
    };

    private static object? ConvertValue(object value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        var text = Convert.ToString(value, CultureInfo.InvariantCulture)!;
        return target == typeof(Guid) ? Guid.Parse(text, CultureInfo.InvariantCulture)
            : target == typeof(DateTimeOffset) ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture)
            : Convert.ChangeType(text, target, CultureInfo.InvariantCulture);
    }
}
