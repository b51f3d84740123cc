using System.Reflection;
using System.Text.Json.Nodes;
using Notifications.Functions.Hosting;

namespace Notifications.LocalRuntime;

/// <summary>What starts a function, as its trigger binding in functions.metadata says.</summary>
public abstract record FunctionTrigger(string ParameterName);

/// <param name="Route">The route without the host's <c>api/</c> prefix.</param>
public sealed record HttpTrigger(string ParameterName, string Route, IReadOnlyList<string> Methods, string AuthLevel) : FunctionTrigger(ParameterName);

/// <param name="QueueName">Before any <c>Storage:NamePrefix</c>.</param>
public sealed record QueueTrigger(string ParameterName, string QueueName, string Connection) : FunctionTrigger(ParameterName);

/// <param name="UseMonitor">Null when the binding leaves it to the host (on for schedules of a minute or more).</param>
public sealed record TimerTrigger(string ParameterName, string Schedule, bool RunOnStartup, bool? UseMonitor) : FunctionTrigger(ParameterName);

/// <summary>One function of functions.metadata, with the method its <c>entryPoint</c> names.</summary>
public sealed record LocalFunction(string Name, string EntryPoint, MethodInfo Method, FunctionTrigger Trigger);

/// <summary>Reads the functions.metadata the Worker SDK generates at build time: the one catalogue of the app's functions.</summary>
public static class FunctionsMetadata
{
    public const string FileName = "functions.metadata";

    public static IReadOnlyList<LocalFunction> Load(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var functions = new List<LocalFunction>();
        foreach (var node in JsonNode.Parse(File.ReadAllText(path))!.AsArray())
        {
            var function = node!.AsObject();
            var name = (string)function["name"]!;
            var entryPoint = (string)function["entryPoint"]!;
            var assembly = Assembly.Load(AssemblyName.GetAssemblyName(Path.Combine(directory, (string)function["scriptFile"]!)));
            var bindings = function["bindings"]!.AsArray().Select(b => b!.AsObject()).ToList();
            functions.Add(new LocalFunction(name, entryPoint, FunctionEntryPoint.Resolve(assembly, entryPoint), Trigger(name, bindings)));
        }

        return functions;
    }

    private static FunctionTrigger Trigger(string function, IReadOnlyList<JsonObject> bindings)
    {
        var trigger = bindings.SingleOrDefault(b => ((string?)b["type"])?.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase) == true)
            ?? throw new InvalidDataException($"Function {function} has no trigger binding.");
        var parameter = (string)trigger["name"]!;
        return (string?)trigger["type"] switch
        {
            "httpTrigger" => new HttpTrigger(parameter, (string?)trigger["route"] ?? function,
                trigger["methods"]?.AsArray().Select(m => ((string)m!).ToUpperInvariant()).ToList() ?? [], (string?)trigger["authLevel"] ?? "Function"),
            "queueTrigger" => new QueueTrigger(parameter, (string)trigger["queueName"]!, (string?)trigger["connection"] ?? "AzureWebJobsStorage"),
            "timerTrigger" => new TimerTrigger(parameter, (string)trigger["schedule"]!, (bool?)trigger["runOnStartup"] ?? false, (bool?)trigger["useMonitor"]),
            var other => throw new NotSupportedException($"Function {function}: the local runtime does not run '{other}' triggers."),
        };
    }
}
