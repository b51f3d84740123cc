using System.Diagnostics;
using System.Globalization;
using System.Text;
using Notifications.Benchmarks;
using Notifications.TestKit;

// End-to-end fan-out benchmark: the pipeline by phase on Azurite and maildev, next to the raw limits measured in the same run.
var chunk = args.Where(a => a.StartsWith("--chunk=", StringComparison.Ordinal)).Select(a => int.Parse(a[8..], CultureInfo.InvariantCulture)).LastOrDefault();
PipelineRun.ChunkSize = chunk > 0 ? chunk : new Notifications.Infrastructure.FanOut.FanOutOptions().ChunkSize;
var inFlight = args.Where(a => a.StartsWith("--batches=", StringComparison.Ordinal)).Select(a => int.Parse(a[10..], CultureInfo.InvariantCulture)).LastOrDefault();
PipelineRun.BatchParallelism = inFlight > 0 ? inFlight : PipelineRun.BatchParallelism;
var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
var sizes = numbers.Length > 0 ? numbers.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10_000];
var started = DateTimeOffset.UtcNow;
var machine = MachineInfo.Read();
Console.WriteLine($"Machine: {machine.Summary}");
var runs = new List<SizeRun>();
foreach (var n in sizes)
{
    Console.WriteLine($"N = {n:N0}");
    var run = new SizeRun(n);
    // Each measurement gets its own Azurite and maildev: in-memory Azurite scans a whole table for a partition query, so
    // rows left by an earlier measurement would slow the next one, which Azure Tables' partitions would not.
    run.Simulated = await WithFreshServicesAsync(dev => PipelineRun.RunAsync(dev, n, simulate: true, Console.WriteLine));
    run.Smtp = await WithFreshServicesAsync(dev => PipelineRun.RunAsync(dev, n, simulate: false, Console.WriteLine));
    run.Raw = await WithFreshServicesAsync(dev => RawLimits.MeasureAsync(dev, n, PipelineRun.MaxConcurrency, Console.WriteLine));
    runs.Add(run);
}

var path = Path.Combine(DevServices.RepositoryRoot(), "benchmarks", "results",
    $"{started:yyyy-MM-dd}-{Environment.MachineName.ToLowerInvariant()}.md");
File.WriteAllText(path, ResultsWriter.Write(started, machine, runs), new UTF8Encoding(false));
Console.WriteLine($"Wrote {path}");

static async Task<T> WithFreshServicesAsync<T>(Func<DevServices, Task<T>> measure)
{
    await using var dev = await DevServices.StartAsync();
    return await measure(dev);
}

namespace Notifications.Benchmarks
{
    internal sealed class SizeRun(int n)
    {
        public int N { get; } = n;
        public PipelineResult Simulated { get; set; } = null!;
        public PipelineResult Smtp { get; set; } = null!;
        public RawResult Raw { get; set; } = null!;
    }

    internal sealed record MachineInfo(int Cores, string Model, long MemoryKiB, string LoadAverage)
    {
        public string Summary => $"{Cores} cores, {Model}, {MemoryKiB / 1024.0 / 1024.0:F1} GiB, load {LoadAverage}";

        public static MachineInfo Read()
        {
            var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
            var mem = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal));
            var kib = long.Parse(mem.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            var load = File.ReadAllText("/proc/loadavg").Split(' ').Take(3);
            return new MachineInfo(Environment.ProcessorCount, model, kib, string.Join(' ', load));
        }
    }

    internal static class Stopwatches
    {
        public static async Task<TimeSpan> TimeAsync(Func<Task> action)
        {
            var watch = Stopwatch.StartNew();
            await action();
            return watch.Elapsed;
        }
    }
}
