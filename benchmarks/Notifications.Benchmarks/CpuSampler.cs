using System.Diagnostics;
using System.Globalization;

namespace Notifications.Benchmarks;

/// <summary>CPU seconds used so far by this process, the app process and the Azurite and maildev node processes it started (from /proc).</summary>
internal sealed record CpuSample(double Benchmark, double App, double Azurite, double Maildev)
{
    public static CpuSample Take()
    {
        double app = 0, azurite = 0, maildev = 0;
        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[1] != self)
                {
                    continue;
                }

                var seconds = (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
                var cmd = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (cmd.Contains("Notifications.LocalRuntime", StringComparison.Ordinal))
                {
                    app += seconds;
                }
                else if (cmd.Contains("azurite", StringComparison.Ordinal))
                {
                    azurite += seconds;
                }
                else if (cmd.Contains("maildev", StringComparison.Ordinal))
                {
                    maildev += seconds;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // A process that ended or is not ours.
            }
        }

        return new CpuSample(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, app, azurite, maildev);
    }

    public static CpuSample operator -(CpuSample a, CpuSample b) => new(a.Benchmark - b.Benchmark, a.App - b.App, a.Azurite - b.Azurite, a.Maildev - b.Maildev);

    public static CpuSample operator +(CpuSample a, CpuSample b) => new(a.Benchmark + b.Benchmark, a.App + b.App, a.Azurite + b.Azurite, a.Maildev + b.Maildev);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"app {App:F1} s, Azurite {Azurite:F1} s, maildev {Maildev:F1} s, benchmark {Benchmark:F1} s");
}
