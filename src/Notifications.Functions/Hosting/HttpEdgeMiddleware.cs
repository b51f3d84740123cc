using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Notifications.Functions.Hosting;

/// <summary>The isolated worker's side of <see cref="HttpEdge"/>; queue and timer invocations pass straight through.</summary>
internal sealed class HttpEdgeMiddleware : IFunctionsWorkerMiddleware
{
    private static readonly ConcurrentDictionary<string, MethodInfo> Methods = new();

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        var method = Methods.GetOrAdd(context.FunctionDefinition.EntryPoint, e => FunctionEntryPoint.Resolve(typeof(HttpEdge).Assembly, e));
        HttpEdge.LogRequest(http, method, context.FunctionDefinition.Name);
        if ((await HttpEdge.AuthorizeAsync(http, method) ?? HttpEdge.CheckHeaders(http)) is { } refused)
        {
            context.GetInvocationResult().Value = refused;
            return;
        }

        try
        {
            await next(context);
            var invocation = context.GetInvocationResult();
            invocation.Value = HttpEdge.Written(invocation.Value);
        }
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            context.GetInvocationResult().Value = HttpEdge.Unhandled(http, context.FunctionDefinition.Name, ex);
        }
    }
}
