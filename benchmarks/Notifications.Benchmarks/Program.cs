using System.Diagnostics;
using System.Globalization;
using System.Text;
using Notifications.Benchmarks;
using Notifications.TestKit;

// The product's path end to end (the app over HTTP, the run on Durable), by phase, next to the raw limits measured in the same run.
if (args is [EmptyFanOut.Verb, ..])
{
    // The child process of the empty Durable fan-out: exits without stopping its sidecar.
    Environment.Exit(await EmptyFanOut.ChildAsync(args));
}

var bench = BenchmarkSettings.Parse(args);
var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
var sizes = numbers.Length > 0 ? numbers.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10_000];
var started = DateTimeOffset.UtcNow;
var total = Stopwatch.StartNew();
var machine = MachineInfo.Read();
Console.WriteLine($"Machine: {machine.Summary}");
Console.WriteLine($"Settings: {bench}");
var runs = new List<SizeRun>();
foreach (var n in sizes)
{
    Console.WriteLine($"N = {n:N0}");
    var run = new SizeRun(n) { LoadBefore = MachineInfo.Read().LoadAverage };
    // Each measurement gets its own Azurite and maildev: in-memory Azurite scans a whole table for a partition query, so
    // rows left by an earlier measurement would slow the next one, which Azure Tables' partitions would not.
    if (bench.Runs("sim"))
    {
        await using var dev = await DevServices.StartAsync();
        (run.Simulated, var prefix) = await AppRun.RunAsync(dev, n, simulate: true, bench, Console.WriteLine);
        // Durable alone, on the task hub the simulated run just used, with its run's number of batches.
        run.Durable = await EmptyFanOut.RunAsync(dev, prefix, run.Simulated.Batches, bench.MaxBatchesInFlight, Console.WriteLine);
    }

    if (bench.Runs("smtp"))
    {
        await using var dev = await DevServices.StartAsync();
        (run.Smtp, _) = await AppRun.RunAsync(dev, n, simulate: false, bench, Console.WriteLine);
    }

    if (bench.Runs("raw"))
    {
        await using var dev = await DevServices.StartAsync();
        run.Raw = await RawLimits.MeasureAsync(dev, n, bench.MaxConcurrency, Console.WriteLine);
    }

    runs.Add(run);
    WriteResults();
}

Console.WriteLine($"Done after {total.Elapsed.TotalMinutes:F1} min");

// Written after each N, so a run cut short keeps what it measured.
void WriteResults()
{
    if (!bench.Runs("sim") || !bench.Runs("smtp") || !bench.Runs("raw"))
    {
        Console.WriteLine("Partial run (--only): no results file written.");
        return;
    }

    var path = Path.Combine(DevServices.RepositoryRoot(), "benchmarks", "results",
        $"{started:yyyy-MM-dd}-{Environment.MachineName.ToLowerInvariant()}{bench.Label}.md");
    File.WriteAllText(path, ResultsWriter.Write(started, total.Elapsed, machine, bench, runs), new UTF8Encoding(false));
    Console.WriteLine($"Wrote {path} after {total.Elapsed.TotalMinutes:F1} min");
}

namespace Notifications.Benchmarks
{
    internal sealed class SizeRun(int n)
    {
        public int N { get; } = n;
        public string LoadBefore { get; init; } = "";
        public AppRunResult Simulated { get; set; } = null!;
        public AppRunResult Smtp { get; set; } = null!;
        public EmptyFanOutResult Durable { get; set; } = null!;
        public RawResult Raw { get; set; } = null!;
    }

    /// <summary>
    /// The app's fan-out settings for the run (its defaults, unless given): the quota set far above the sink so pacing
    /// never waits, and no wait for the canary's delivery reports (maildev and the simulated sender send none).
    /// </summary>
    internal sealed record BenchmarkSettings(int MaxConcurrency, int MaxBatchesInFlight, int ChunkSize, int CanarySize, string Label, string[] Only)
    {
        /// <summary>Whether this measurement runs (<c>--only=sim,smtp,raw</c>; all by default).</summary>
        public bool Runs(string what) => Only.Length == 0 || Only.Contains(what);

        public const int Quota = 2_000_000_000;

        public static BenchmarkSettings Parse(string[] args)
        {
            var defaults = new Notifications.Infrastructure.FanOut.FanOutOptions();
            int Get(string name, int fallback) => args.Where(a => a.StartsWith($"--{name}=", StringComparison.Ordinal))
                .Select(a => int.Parse(a[(name.Length + 3)..], CultureInfo.InvariantCulture)).DefaultIfEmpty(fallback).Last();
            var label = args.Where(a => a.StartsWith("--label=", StringComparison.Ordinal)).Select(a => "-" + a[8..]).LastOrDefault() ?? "";
            var only = args.Where(a => a.StartsWith("--only=", StringComparison.Ordinal)).SelectMany(a => a[7..].Split(',')).ToArray();
            return new BenchmarkSettings(Get("concurrency", defaults.MaxConcurrency), Get("batches", defaults.MaxBatchesInFlight),
                Get("chunk", defaults.ChunkSize), defaults.CanarySize, label, only);
        }

        public Dictionary<string, string> AppSettings(bool simulate)
        {
            var settings = new Dictionary<string, string>
            {
                ["FanOut__PerMinute"] = Inv(Quota),
                ["FanOut__PerHour"] = Inv(Quota),
                ["FanOut__MaxConcurrency"] = Inv(MaxConcurrency),
                ["FanOut__MaxBatchesInFlight"] = Inv(MaxBatchesInFlight),
                ["FanOut__ChunkSize"] = Inv(ChunkSize),
                ["FanOut__CanarySize"] = Inv(CanarySize),
                ["FanOut__CanaryDeliveryWait"] = "00:00:00",
                // Azure's default work-item visibility (the local runtime's is 20 s, for quick crash tests): the local
                // sidecar renews no activity's lock, so a longer activity (the first batch of a large import builds the
                // linter's index of everyone) would be handed out again while it still runs.
                ["Hosting__Durable__VisibilityTimeout"] = "00:05:00",
            };
            if (simulate)
            {
                settings["Mail__Simulate"] = "true";
            }

            return settings;
        }

        public override string ToString() =>
            Inv($"SMTP pool {MaxConcurrency} connections, {MaxBatchesInFlight} batches in flight, chunk {ChunkSize}, canary {CanarySize}, quota {Quota:N0}/min and /h, canary delivery wait 0, Durable work-item visibility 5 min");

        private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        private static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);
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
}
