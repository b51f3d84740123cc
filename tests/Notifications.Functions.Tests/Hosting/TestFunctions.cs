using System.Collections.Concurrent;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Notifications.Functions.Access;

namespace Notifications.Functions.Tests.Hosting;

/// <summary>What the test functions saw; one per test app (singleton).</summary>
public sealed class InvocationLog
{
    public ConcurrentQueue<QueueMessage> Queue { get; } = new();
    public ConcurrentQueue<(string Function, TimerInfo Timer)> Timer { get; } = new();
    public ConcurrentQueue<string> Activity { get; } = new();
}

/// <summary>
/// Functions of every kind the local runtime runs, declared as in the app (<c>[Function]</c> and trigger attributes), so
/// the runtime is tested on its own. <see cref="TestMetadata"/> lists them as the Worker SDK would in functions.metadata.
/// </summary>
public sealed class TestFunctions(InvocationLog log)
{
    [Function("Intake")]
    public Task Intake([QueueTrigger("intake")] QueueMessage message)
    {
        log.Queue.Enqueue(message);
        return Task.CompletedTask;
    }

    [Function("Broken")]
    public Task Broken([QueueTrigger("broken")] QueueMessage message)
    {
        log.Queue.Enqueue(message);
        throw new InvalidOperationException("Always fails.");
    }

    /// <summary>Blocks until the runtime cancels it (shutdown).</summary>
    [Function("Stuck")]
    public async Task Stuck([QueueTrigger("stuck")] QueueMessage message, CancellationToken ct)
    {
        log.Queue.Enqueue(message);
        await Task.Delay(Timeout.Infinite, ct);
    }

    [Function("Sweep")]
    public void Sweep([TimerTrigger("0 */5 * * * *")] TimerInfo timer) => log.Timer.Enqueue(("Sweep", timer));

    [Function("Warmup")]
    public void Warmup([TimerTrigger("0 0 3 * * *", RunOnStartup = true)] TimerInfo timer) => log.Timer.Enqueue(("Warmup", timer));

    [Function("GetThing")]
    [Authorize(Policies.Read)]
    public IResult GetThing([HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/things/{id}")] HttpRequest request, string id) =>
        TypedResults.Ok(new { id });

    [Function("PostThing")]
    [AllowAnonymous]
    public IActionResult PostThing([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", Route = "api/things")] HttpRequest request) =>
        new AcceptedResult();

    [Function("Throws")]
    [AllowAnonymous]
    public IResult Throws([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/throws")] HttpRequest request) =>
        throw new InvalidOperationException("Always fails.");

    [Function("Slowly")]
    public static Task<int> Slowly([OrchestrationTrigger] TaskOrchestrationContext context, int seconds) =>
        context.CallActivityAsync<int>("Slow", seconds);

    /// <summary>An activity that runs longer than the test's visibility timeout.</summary>
    [Function("Slow")]
    public async Task<int> Slow([ActivityTrigger] int seconds)
    {
        log.Activity.Enqueue("Slow");
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        return seconds;
    }

    [Function("Failingly")]
    public static Task Failingly([OrchestrationTrigger] TaskOrchestrationContext context) => context.CallActivityAsync("Failing");

    /// <summary>Fails with a message that quotes an address, as an SMTP reply would.</summary>
    [Function("Failing")]
    public Task Failing([ActivityTrigger] object? input) =>
        throw new InvalidOperationException("550 5.1.1 <jane.doe@example.org>: mailbox unavailable");

    [Function("Unguarded")]
    public IResult Unguarded([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/unguarded")] HttpRequest request) =>
        TypedResults.Ok();
}

/// <summary>functions.metadata for <see cref="TestFunctions"/>, in the Worker SDK's format.</summary>
public static class TestMetadata
{
    public static string Json(params string[] functions) =>
        "[" + string.Join(",", functions.Select(f => All[f])) + "]";

    private static readonly Dictionary<string, string> All = new()
    {
        ["Intake"] = Queue("Intake", "intake"),
        ["Broken"] = Queue("Broken", "broken"),
        ["Stuck"] = Queue("Stuck", "stuck"),
        ["Sweep"] = Function("Sweep", """{"name":"timer","direction":"In","type":"timerTrigger","schedule":"0 */5 * * * *","runOnStartup":false}"""),
        ["Warmup"] = Function("Warmup", """{"name":"timer","direction":"In","type":"timerTrigger","schedule":"0 0 3 * * *","runOnStartup":true}"""),
        ["GetThing"] = Http("GetThing", "api/things/{id}", "Function", "get"),
        ["PostThing"] = Http("PostThing", "api/things", "Anonymous", "post", "put"),
        ["Throws"] = Http("Throws", "api/throws", "Anonymous", "get"),
        ["Slowly"] = Orchestration("Slowly"),
        ["Slow"] = Activity("Slow", "seconds"),
        ["Failingly"] = Orchestration("Failingly"),
        ["Failing"] = Activity("Failing", "input"),
        ["Unguarded"] = Http("Unguarded", "api/unguarded", "Anonymous", "get"),
    };

    private static string Queue(string name, string queue) =>
        Function(name, $$"""{"name":"message","direction":"In","type":"queueTrigger","queueName":"{{queue}}","connection":"AzureWebJobsStorage"}""");

    private static string Orchestration(string name) =>
        Function(name, """{"name":"context","direction":"In","type":"orchestrationTrigger"}""");

    private static string Activity(string name, string parameter) =>
        Function(name, $$"""{"name":"{{parameter}}","direction":"In","type":"activityTrigger"}""");

    private static string Http(string name, string route, string authLevel, params string[] methods) => Function(name,
        $$"""{"name":"request","direction":"In","type":"httpTrigger","authLevel":"{{authLevel}}","methods":[{{string.Join(",", methods.Select(m => $"\"{m}\""))}}],"route":"{{route}}"},{"name":"$return","type":"http","direction":"Out"}""");

    private static string Function(string name, string bindings) =>
        $$"""{"name":"{{name}}","scriptFile":"Notifications.Functions.Tests.dll","entryPoint":"{{typeof(TestFunctions).FullName}}.{{name}}","language":"dotnet-isolated","bindings":[{{bindings}}]}""";
}
