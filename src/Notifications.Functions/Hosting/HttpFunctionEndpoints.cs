namespace Notifications.Functions.Hosting;

/// <summary>
/// HTTP functions are forwarded by the host to <c>/api/{Route}</c> (contract §1.6) and served by ordinary minimal-API
/// endpoints. Map them through <see cref="MapHttpFunction"/> so the route and methods are declared once, in the catalogue.
/// </summary>
public static class HttpFunctionEndpoints
{
    public const string RoutePrefix = "api";

    /// <summary>The ASP.NET route pattern of an HTTP function: <c>/api/{Route}</c>.</summary>
    public static string Pattern(HttpFunction function) => $"/{RoutePrefix}/{function.Route.TrimStart('/')}";

    /// <summary>
    /// Maps <paramref name="handler"/> at <c>/api/{function.Route}</c> for the function's methods (all methods when none
    /// are listed), named after the function and carrying the <see cref="HttpFunction"/> as endpoint metadata.
    /// </summary>
    public static RouteHandlerBuilder MapHttpFunction(this IEndpointRouteBuilder app, HttpFunction function, Delegate handler)
    {
        var builder = function.Methods.Count == 0
            ? app.Map(Pattern(function), handler)
            : app.MapMethods(Pattern(function), [.. function.Methods.Select(m => m.ToUpperInvariant())], handler);
        return builder.WithName(function.Name).WithMetadata(function);
    }
}
