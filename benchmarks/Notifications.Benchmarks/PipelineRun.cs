using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Infrastructure.Email;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Storage;
using Notifications.TestKit;
using Notifications.TestKit.FanOut;

namespace Notifications.Benchmarks;

internal sealed record PipelineResult(
    bool Simulated, int People, TimeSpan Import, TimeSpan Enqueue, TimeSpan Send, TimeSpan FanIn, long Sent, int Messages,
    long PeakWorkingSet, long TableWrites, CpuSample SendCpu)
{
    public TimeSpan Total => Import + Enqueue + Send + FanIn;
}

/// <summary>One fan-out of N people through the real pipeline: import, enqueue (canary, then the rest), send, fan-in.</summary>
internal static class PipelineRun
{
    public const int MaxConcurrency = 4;
    public static int BatchParallelism { get; set; } = 8;

    public static int ChunkSize { get; set; } = 20;

    public static async Task<PipelineResult> RunAsync(DevServices dev, int n, bool simulate, Action<string> log)
    {
        var prefix = Names.Unique(simulate ? "bsim" : "bsmtp");
        var domain = prefix + ".test";
        var csv = Path.Combine(Path.GetTempPath(), prefix + ".csv");
        await using (var writer = new StreamWriter(csv))
        {
            FanOutCsv.Write(writer, n, domain);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FanOut:PerMinute"] = "2000000000",
            ["FanOut:PerHour"] = "2000000000",
            ["FanOut:MaxConcurrency"] = MaxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FanOut:CanarySize"] = "100",
            ["FanOut:ChunkSize"] = ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        await using var services = TestServices.Build(dev, prefix, s =>
        {
            s.AddFanOut(configuration);
            s.AddSingleton<INoticeSource, GreetingNoticeSource>();
            if (simulate)
            {
                s.Configure<MailOptions>(o => o.Simulate = true);
            }
        });
        var incident = "bench-" + prefix;
        var planner = services.GetRequiredService<FanOutPlanner>();
        var sender = services.GetRequiredService<NotificationBatchSender>();
        await services.GetRequiredService<StorageClients>().TableAsync(FanOutKeys.Table);
        var messages = 0;
        Task<BatchResult> Handle(BatchMessage m, CancellationToken ct)
        {
            Interlocked.Increment(ref messages);
            return sender.SendBatchAsync(m, ct);
        }

        var import = await Stopwatches.TimeAsync(async () =>
        {
            await using var file = File.OpenRead(csv);
            var result = await services.GetRequiredService<RecipientImporter>().ImportAsync(incident, file, null, CancellationToken.None);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Import failed: " + string.Join("; ", result.Errors.Take(3)));
            }
        });
        File.Delete(csv);

        var enqueue = await Stopwatches.TimeAsync(() => planner.StartAsync(incident, "run-1"));
        var cpu = CpuSample.Take();
        // The sending part of the run orchestration, without Durable: every released batch, a few at once.
        async Task SendReleasedAsync()
        {
            var run = (await planner.GetRunAsync(incident))!;
            var batches = (await planner.UnfinishedAsync(run)).Select(b => FanOutPlanner.Batch(run, b));
            await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = BatchParallelism }, async (b, ct) => await Handle(b, ct));
        }

        var send = await Stopwatches.TimeAsync(SendReleasedAsync);
        var verdict = CanaryVerdict.NoRun;
        var cpuPaused = CpuSample.Take();
        enqueue += await Stopwatches.TimeAsync(async () => verdict = await planner.ContinueAfterCanaryAsync(incident));
        cpu = CpuSample.Take() - cpuPaused + cpu;
        if (verdict != CanaryVerdict.Continued)
        {
            throw new InvalidOperationException($"Canary verdict {verdict}.");
        }

        send += await Stopwatches.TimeAsync(SendReleasedAsync);
        var sendCpu = CpuSample.Take() - cpu;
        FanOutSnapshot? snapshot = null;
        var fanIn = await Stopwatches.TimeAsync(async () => snapshot = await services.GetRequiredService<FanOutProgress>().GetAsync(incident));
        if (snapshot is not { IsComplete: true } || snapshot.Sent != n)
        {
            throw new InvalidOperationException($"The run did not complete: {snapshot}");
        }

        var batches = (n + 99) / 100;
        // Per person: one entity in the sending transaction of its chunk and its own sent write; per batch: the result row.
        var tableWrites = 2L * n + batches;
        var result = new PipelineResult(simulate, n, import, enqueue, send, fanIn, snapshot.Sent, messages,
            Process.GetCurrentProcess().PeakWorkingSet64, tableWrites, sendCpu);
        log($"  {(simulate ? "simulated" : "smtp")}: import {import.TotalSeconds:F1} s, enqueue {enqueue.TotalSeconds:F2} s, send {send.TotalSeconds:F1} s ({n / send.TotalSeconds:F0}/s), fan-in {fanIn.TotalMilliseconds:F0} ms; send CPU {sendCpu}");
        if (!simulate)
        {
            await dev.Mail.ClearAsync();
        }

        return result;
    }
}
