using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Notifications.Functions.Hosting;

namespace Notifications.LocalRuntime;

/// <summary>
/// Serves every HTTP function of functions.metadata at <c>/{routePrefix}/{route}</c> for its methods, as the host
/// routes them. Each request is one invocation: the caller checked by <see cref="HttpEdge"/> like the worker's
/// middleware does, the function invoked in the request's scope, and its <see cref="IResult"/> or
/// <see cref="IActionResult"/> executed against the request, as the worker's ASP.NET Core integration does.
/// </summary>
public static class HttpFunctions
{
    public static void Map(IEndpointRouteBuilder app, IEnumerable<LocalFunction> functions, string routePrefix, BoundFunctions bound)
    {
        foreach (var function in functions.Where(f => f.Trigger is HttpTrigger))
        {
            var trigger = (HttpTrigger)function.Trigger;
            FunctionInvoker.CheckBindable(function);
            HttpEdge.CheckGuarded(function.Method);
            var pattern = $"/{routePrefix.Trim('/')}/{trigger.Route.TrimStart('/')}".Replace("//", "/", StringComparison.Ordinal);
            RequestDelegate handler = http => InvokeAsync(function, http);
            var endpoint = trigger.Methods.Count == 0 ? app.Map(pattern, handler) : app.MapMethods(pattern, trigger.Methods, handler);
            endpoint.WithDisplayName(function.Name);
            bound.Add(function.Name, $"http {string.Join(",", trigger.Methods)} {pattern}");
        }
    }

    private static async Task InvokeAsync(LocalFunction function, HttpContext http)
    {
        HttpEdge.LogRequest(http, function.Method, function.Name);
        var result = await HttpEdge.AuthorizeAsync(http, function.Method) ?? HttpEdge.CheckHeaders(http);
        if (result is null)
        {
            try
            {
                var data = http.Request.RouteValues.ToDictionary(r => r.Key, r => r.Value, StringComparer.OrdinalIgnoreCase);
                var returned = await FunctionInvoker.InvokeAsync(function, http.RequestServices, http, data, http.RequestAborted);
                if (returned is IActionResult action)
                {
                    await action.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
                    return;
                }

                result = HttpEdge.Written(returned) as IResult
                    ?? throw new InvalidOperationException($"HTTP function {function.Name} returned no IResult or IActionResult.");
            }
            catch (Exception ex) when (!http.Response.HasStarted)
            {
                result = HttpEdge.Unhandled(http, function.Name, ex);
            }
        }

        await result.ExecuteAsync(http);
    }
}
