using System.Reflection;

namespace Notifications.Functions.Hosting;

/// <summary>
/// The method behind a function's <c>entryPoint</c> as functions.metadata (and the worker's function definition) names
/// it: <c>Namespace.Type.Method</c>. The isolated worker and the local runtime both resolve functions this way.
/// </summary>
public static class FunctionEntryPoint
{
    public static MethodInfo Resolve(Assembly assembly, string entryPoint)
    {
        var dot = entryPoint.LastIndexOf('.');
        var type = dot > 0 ? assembly.GetType(entryPoint[..dot]) : null;
        var methods = type?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == entryPoint[(dot + 1)..]).ToList() ?? [];
        return methods.Count == 1
            ? methods[0]
            : throw new InvalidOperationException($"The entry point '{entryPoint}' does not name exactly one public method in {assembly.GetName().Name}.");
    }
}
