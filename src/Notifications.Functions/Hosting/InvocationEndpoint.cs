namespace Notifications.Functions.Hosting;

/// <summary>
/// <c>POST /{FunctionName}</c>: the Functions host's invocation of a queue or timer function (contract §1.4, §1.7).
/// Success is 200 + <c>application/json</c> + an object with <c>Outputs</c>; failure is a non-2xx with a JSON problem,
/// so the host retries and finally poisons. Never an empty body.
/// </summary>
public static class InvocationEndpoint
{
    public const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    public static IEndpointConventionBuilder MapInvocationEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/{functionName}", InvokeAsync)
            .AllowAnonymous() // Reached only by the host on loopback; /api auth does not apply.
            .ExcludeFromDescription();

    private static async Task<IResult> InvokeAsync(
        string functionName, HttpRequest request, FunctionDispatcher dispatcher, CancellationToken cancellationToken)
    {
        var invocationId = request.Headers[InvocationIdHeader].FirstOrDefault();
        var result = await dispatcher.DispatchAsync(functionName, request.Body, invocationId, cancellationToken);
        return ToHttpResult(result, invocationId);
    }

    public static IResult ToHttpResult(InvocationResult result, string? invocationId) => result.Status switch
    {
        InvocationStatus.Succeeded => TypedResults.Json(
            new InvocationResponse(new Dictionary<string, System.Text.Json.JsonElement>(), result.Logs, null),
            WireDecoding.Options, "application/json", StatusCodes.Status200OK),
        InvocationStatus.NotFound => Problem(StatusCodes.Status404NotFound, "Unknown function", result, invocationId),
        InvocationStatus.BadRequest => Problem(StatusCodes.Status400BadRequest, "Malformed invocation", result, invocationId),
        _ => Problem(StatusCodes.Status500InternalServerError, "Invocation failed", result, invocationId),
    };

    private static IResult Problem(int status, string title, InvocationResult result, string? invocationId) =>
        TypedResults.Problem(
            detail: result.Error,
            statusCode: status,
            title: title,
            extensions: new Dictionary<string, object?> { ["invocationId"] = invocationId });
}
