namespace Notifications.Functions.Hosting;

public static class HttpFunctionEndpoints
{
    /// <summary>Maps an HTTP function at <c>/api/{Route}</c> with its methods, so the route is declared once.</summary>
    public static RouteHandlerBuilder MapHttpFunction(this IEndpointRouteBuilder app, HttpFunction function, Delegate handler) =>
        app.MapMethods("/api/" + function.Route, function.Methods, handler).WithName(function.Name);
}
