using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifications.LocalRuntime;
using Notifications.LocalRuntime.Durable;
using Notifications.TestKit;

namespace Notifications.Benchmarks;

internal sealed record EmptyFanOutResult(int Activities, int InFlight, TimeSpan Time, CpuSample Cpu)
{
    public double PerSecond => Activities / Time.TotalSeconds;
}

/// <summary>
/// Durable's own cost, measured apart: the run's number of batch activities, each doing nothing, in the run
/// orchestration's pattern (at most <c>MaxBatchesInFlight</c> at once, continue-as-new every 100 calls, custom status
/// on each turn), on the same task hub the app's run just used (its history still in it), through the same sidecar
/// (<see cref="DurableSidecar"/>, Durable Functions' Azure Storage provider on Azurite) and the same Durable Task SDK
/// worker settings. Hosted by the benchmark after the app stopped (one worker per sidecar, one owner per partition),
/// so nothing of it is registered in, or shipped with, the app.
/// </summary>
internal static class EmptyFanOut
{
    public const string Orchestration = "BenchmarkEmptyFanOut";
    public const string Activity = "BenchmarkEmptyActivity";

    public const string Verb = "empty-fanout";

    /// <summary>
    /// Runs it in a child process of its own (this executable with <see cref="Verb"/>), as the app ran in its own: the
    /// child ends without stopping the sidecar, whose provider may wait minutes to let go of its partitions.
    /// </summary>
    public static async Task<EmptyFanOutResult> RunAsync(DevServices dev, string prefix, int activities, int inFlight, Action<string> log)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var arg in new[] { Verb, prefix, activities.ToString(CultureInfo.InvariantCulture), inFlight.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment[StorageVariable] = dev.StorageConnectionString;
        var before = CpuSample.Take();
        using var child = Process.Start(info) ?? throw new InvalidOperationException("Could not start the empty fan-out.");
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var cpu = CpuSample.Take() - before;
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith(Verb + " ", StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The empty fan-out failed ({child.ExitCode}): {output}");
        }

        var fields = line.Split(' ');
        var time = TimeSpan.FromSeconds(double.Parse(fields[1], CultureInfo.InvariantCulture));
        var result = new EmptyFanOutResult(activities, inFlight, time, cpu with { Benchmark = double.Parse(fields[2], CultureInfo.InvariantCulture) });
        log(string.Create(CultureInfo.InvariantCulture,
            $"  Durable alone: {activities} empty activities, {inFlight} in flight: {time.TotalSeconds:F1} s ({result.PerSecond:F0}/s); CPU {result.Cpu}"));
        return result;
    }

    private const string StorageVariable = "BENCHMARK_STORAGE";

    /// <summary>The child's part: measures, prints <c>empty-fanout {seconds} {cpu seconds}</c>, and exits at once.</summary>
    public static async Task<int> ChildAsync(string[] args)
    {
        var (prefix, activities, inFlight) = (args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
        var connection = Environment.GetEnvironmentVariable(StorageVariable) ?? throw new InvalidOperationException($"{StorageVariable} is not set.");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connection,
            ["Storage:NamePrefix"] = prefix,
        }).Build();
        var hostOptions = new DurableHostOptions();
        HostJson.ApplyDurable(hostOptions, Path.Combine(DevServices.RepositoryRoot(), "host.json"));
        var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddFilter("DurableTask", LogLevel.Error).AddFilter("Microsoft.DurableTask", LogLevel.Error));
        var sidecar = new DurableSidecar(Options.Create(hostOptions), configuration, loggers);
        // The app's worker left its partitions leased under the same worker id (the machine name): ours renews them at once.
        var since = DateTimeOffset.UtcNow;
        await sidecar.StartAsync(CancellationToken.None);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(loggers);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(sidecar.Channel);
            worker.AddTasks(r => r.AddOrchestrator<EmptyFanOutOrchestrator>(Orchestration).AddActivity<EmptyActivity>(Activity));
            worker.Configure(o =>
            {
                o.Concurrency.MaximumConcurrentActivityWorkItems = hostOptions.MaxConcurrentActivities;
                o.Concurrency.MaximumConcurrentOrchestrationWorkItems = hostOptions.MaxConcurrentOrchestrations;
            });
        });
        builder.Services.AddDurableTaskClient(client => client.UseGrpc(sidecar.Channel));
        var host = builder.Build();
        await host.StartAsync();
        await WaitForPartitionsAsync(connection, sidecar.TaskHub, hostOptions.PartitionCount, since);
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        // A first small fan-out warms the worker and the connection; not counted.
        await FanOutAsync(client, Math.Min(activities, 4), inFlight);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var time = await FanOutAsync(client, activities, inFlight);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Verb} {time.TotalSeconds:F3} {cpu.TotalSeconds:F3}"));
        return 0;
    }

    /// <summary>From just before the schedule to the completion the provider recorded (the client's wait for it polls, so it is not the measure).</summary>
    private static async Task<TimeSpan> FanOutAsync(DurableTaskClient client, int activities, int inFlight)
    {
        var scheduled = DateTimeOffset.UtcNow;
        var id = await client.ScheduleNewOrchestrationInstanceAsync(Orchestration, new EmptyFanOutInput(activities, inFlight, 0));
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(60));
        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, limit.Token);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed || done.ReadOutputAs<int>() != activities)
        {
            throw new InvalidOperationException($"The empty fan-out ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        }

        return done.LastUpdatedAt - scheduled;
    }

    /// <summary>Every control-queue partition renewed by this worker, so no instance waits for a lease.</summary>
    private static async Task WaitForPartitionsAsync(string connection, string hub, int count, DateTimeOffset since)
    {
        var partitions = new TableClient(connection, hub + "Partitions");
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var leases = new List<string>();
            var renewed = 0;
            await foreach (var p in partitions.QueryAsync<TableEntity>())
            {
                leases.Add($"{p.RowKey} {p.GetString("CurrentOwner")} {p.GetDateTimeOffset("LastRenewal"):O}");
                renewed += !string.IsNullOrEmpty(p.GetString("CurrentOwner")) && p.GetDateTimeOffset("LastRenewal") >= since ? 1 : 0;
            }

            if (renewed == count)
            {
                return;
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"The benchmark's worker did not get the partitions of {hub}: {string.Join("; ", leases)}.");
            }

            await Task.Delay(100);
        }
    }
}

internal sealed record EmptyFanOutInput(int Activities, int InFlight, int Done);

/// <summary>The run orchestration's sending loop with nothing to send.</summary>
internal sealed class EmptyFanOutOrchestrator : TaskOrchestrator<EmptyFanOutInput, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, EmptyFanOutInput input)
    {
        var next = input.Done;
        var calls = 0;
        var inFlight = new List<Task<int>>();
        while (true)
        {
            while (next < input.Activities && inFlight.Count < input.InFlight && calls < 100)
            {
                // Registered by name on the worker (AddActivity), which the analyzer does not follow.
#pragma warning disable DURABLE2003
                inFlight.Add(context.CallActivityAsync<int>(EmptyFanOut.Activity, next));
#pragma warning restore DURABLE2003
                next++;
                calls++;
            }

            if (inFlight.Count == 0)
            {
                break;
            }

            context.SetCustomStatus(new { phase = "sending", calls, inFlight = inFlight.Count });
            var done = await Task.WhenAny(inFlight);
            inFlight.Remove(done);
            await done;
        }

        if (next < input.Activities)
        {
            context.ContinueAsNew(input with { Done = next });
            return 0;
        }

        return input.Activities;
    }
}

internal sealed class EmptyActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}
