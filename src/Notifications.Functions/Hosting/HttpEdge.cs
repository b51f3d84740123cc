using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Notifications.Functions.Hosting;

/// <summary>
/// What every HTTP function gets before and after its own code, in the isolated worker (<see cref="HttpEdgeMiddleware"/>)
/// and in the local runtime alike: the bearer token checked against the function's <c>[Authorize(policy)]</c> (or
/// <c>[AllowAnonymous]</c>), the <c>Idempotency-Key</c> checked, every error written as problem details, and an
/// unhandled exception answered as a problem instead of reaching the host.
/// </summary>
public static partial class HttpEdge
{
    /// <summary>Null when the caller may run <paramref name="function"/>; otherwise the 401 or 403 problem to answer.</summary>
    public static async Task<IResult?> AuthorizeAsync(HttpContext http, MethodInfo function)
    {
        if (function.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
        {
            return null;
        }

        var name = PolicyOf(function);
        var services = http.RequestServices;
        var policy = await services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(name)
            ?? throw new InvalidOperationException($"No authorization policy is named '{name}'.");
        var evaluator = services.GetRequiredService<IPolicyEvaluator>();
        var authenticated = await evaluator.AuthenticateAsync(policy, http);
        var authorized = await evaluator.AuthorizeAsync(policy, authenticated, http, resource: null);
        if (authorized.Challenged)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "Send a valid bearer token.");
        }

        return authorized.Forbidden
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "Your role does not allow this request.")
            : null;
    }

    /// <summary>
    /// The policy an HTTP function requires. Every HTTP function names one, or says <c>[AllowAnonymous]</c>: one that does
    /// neither is refused (the local runtime refuses to start), never served open.
    /// </summary>
    public static string PolicyOf(MethodInfo function) =>
        function.GetCustomAttribute<AuthorizeAttribute>()?.Policy
        ?? throw new InvalidOperationException(
            $"The HTTP function {function.DeclaringType?.Name}.{function.Name} declares neither [Authorize(policy)] nor [AllowAnonymous].");

    /// <summary>Throws unless the HTTP function declares a policy or <c>[AllowAnonymous]</c>.</summary>
    public static void CheckGuarded(MethodInfo function)
    {
        if (function.GetCustomAttribute<AllowAnonymousAttribute>() is null)
        {
            PolicyOf(function);
        }
    }

    /// <summary>
    /// The function's result as it is written: a typed result that carries problem details (a
    /// <c>NotFound&lt;ProblemDetailsBody&gt;</c>, say) is written as <c>application/problem+json</c>, like every other error.
    /// </summary>
    public static object? Written(object? result) =>
        Innermost(result) is IValueHttpResult { Value: Microsoft.AspNetCore.Mvc.ProblemDetails problem } and not ProblemHttpResult
            ? TypedResults.Problem(problem)
            : result;

    private static object? Innermost(object? result) => result is INestedHttpResult nested ? Innermost(nested.Result) : result;

    /// <summary>The longest <c>Idempotency-Key</c> taken.</summary>
    public const int MaxIdempotencyKeyLength = 128;

    /// <summary>
    /// Null when the request's headers are fine for any function; otherwise the 400 problem to answer. An
    /// <c>Idempotency-Key</c> is 1 to 128 printable ASCII characters: one with other characters is refused, never
    /// replaced by a key of our own (which would let a retry run twice).
    /// </summary>
    public static IResult? CheckHeaders(HttpContext http)
    {
        if (!http.Request.Headers.TryGetValue("Idempotency-Key", out var values))
        {
            return null;
        }

        var key = values.ToString();
        return values.Count == 1 && key.Length is > 0 and <= MaxIdempotencyKeyLength && key.All(c => c is >= ' ' and <= '~')
            ? null
            : TypedResults.ValidationProblem(
                new Dictionary<string, string[]>
                {
                    ["Idempotency-Key"] =
                    [
                        $"Use 1 to {MaxIdempotencyKeyLength} printable ASCII characters: letters, digits, spaces and punctuation " +
                        "(no accents or other non-ASCII letters, no control characters), in one header. A UUID is a good key.",
                    ],
                },
                title: "The Idempotency-Key header is not valid.");
    }

    /// <summary>
    /// The answer to an exception the function did not handle: a 500 problem, logged with the function's name. A
    /// <see cref="BadHttpRequestException"/> (a body over its limit, a content type the function does not read) is the
    /// caller's: it is answered with its own status and message, and not logged as a failure.
    /// </summary>
    public static IResult Unhandled(HttpContext http, string functionName, Exception exception)
    {
        if ((exception as BadHttpRequestException ?? exception.InnerException as BadHttpRequestException) is { } bad)
        {
            return TypedResults.Problem(statusCode: bad.StatusCode, title: ReasonPhrases.GetReasonPhrase(bad.StatusCode), detail: bad.Message);
        }

        LogUnhandled(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpEdge)), exception, functionName);
        return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "An error occurred while processing your request.");
    }

    /// <summary>
    /// Logs the request as the function receives it. On an anonymous route (the public pages, whose links carry one-time
    /// signed tokens) only the query's names are logged, never its values; the hosts' own request logs, which write the
    /// whole URL, are off (<c>NotificationsExtensions</c>).
    /// </summary>
    public static void LogRequest(HttpContext http, MethodInfo function, string functionName)
    {
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpEdge));
        if (logger.IsEnabled(LogLevel.Information))
        {
            var request = http.Request;
            LogReceived(logger, request.Method, request.Path.Value ?? "", Query(request, redact: function.GetCustomAttribute<AllowAnonymousAttribute>() is not null), functionName);
        }
    }

    /// <summary>The query string as logged: with each value replaced by <c>[redacted]</c> when <paramref name="redact"/>.</summary>
    public static string Query(HttpRequest request, bool redact) =>
        !request.QueryString.HasValue ? ""
        : redact ? "?" + string.Join("&", request.Query.Keys.Select(k => Uri.EscapeDataString(k) + "=[redacted]"))
        : request.QueryString.Value!;

    [LoggerMessage(EventId = 1051, Level = LogLevel.Information, Message = "HTTP {Method} {Path}{Query} for function {FunctionName}")]
    private static partial void LogReceived(ILogger logger, string method, string path, string query, string functionName);

    [LoggerMessage(EventId = 1050, Level = LogLevel.Error, Message = "HTTP function {FunctionName} failed")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string functionName);
}
