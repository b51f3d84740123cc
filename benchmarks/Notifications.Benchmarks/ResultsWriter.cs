using System.Globalization;
using System.Text;

namespace Notifications.Benchmarks;

/// <summary>The committed results file: the machine, then each pipeline figure next to its raw limit, as a ratio.</summary>
internal static class ResultsWriter
{
    public static string Write(DateTimeOffset started, MachineInfo machine, IReadOnlyList<SizeRun> runs)
    {
        var s = new StringBuilder();
        s.AppendLine(Inv($"# Fan-out benchmark, {started:yyyy-MM-dd HH:mm} UTC"));
        s.AppendLine();
        s.AppendLine(Inv($"Machine `{Environment.MachineName}`: {machine.Cores} cores (`nproc`), {machine.Model}, {machine.MemoryKiB / 1024.0 / 1024.0:F1} GiB RAM, load average at start {machine.LoadAverage}."));
        s.AppendLine(Inv($"Release build, .NET {Environment.Version}, workstation GC. Azurite (in-memory) and maildev are local node processes on the same cores, started afresh by the benchmark for each measurement."));
        s.AppendLine(Inv($"Pipeline settings: SMTP pool {PipelineRun.MaxConcurrency} connections, {PipelineRun.BatchParallelism} batches in flight, chunk {PipelineRun.ChunkSize}, canary 100, rate limit set far above the sink (so the limiter is in the path but never waits)."));
        s.AppendLine();
        foreach (var run in runs)
        {
            var sim = run.Simulated;
            var smtp = run.Smtp;
            var raw = run.Raw;
            s.AppendLine(Inv($"## N = {run.N:N0}"));
            s.AppendLine();
            s.AppendLine("| Phase | Simulated sender | Real SMTP (maildev) |");
            s.AppendLine("|---|---|---|");
            s.AppendLine(Inv($"| Import (CSV file → table) | {sim.Import.TotalSeconds:F1} s ({run.N / sim.Import.TotalSeconds:F0} rows/s) | {smtp.Import.TotalSeconds:F1} s ({run.N / smtp.Import.TotalSeconds:F0} rows/s) |"));
            s.AppendLine(Inv($"| Fan-out enqueue ({sim.Messages} messages incl. canary) | {sim.Enqueue.TotalSeconds:F2} s | {smtp.Enqueue.TotalSeconds:F2} s |"));
            s.AppendLine(Inv($"| Send (canary + rest, queue to sent) | {sim.Send.TotalSeconds:F1} s ({run.N / sim.Send.TotalSeconds:F0} recipients/s) | {smtp.Send.TotalSeconds:F1} s ({run.N / smtp.Send.TotalSeconds:F0} recipients/s) |"));
            s.AppendLine(Inv($"| Fan-in (progress over all batch rows) | {sim.FanIn.TotalMilliseconds:F0} ms | {smtp.FanIn.TotalMilliseconds:F0} ms |"));
            s.AppendLine(Inv($"| End to end | {sim.Total.TotalSeconds:F1} s ({run.N / sim.Total.TotalSeconds:F0} recipients/s) | {smtp.Total.TotalSeconds:F1} s ({run.N / smtp.Total.TotalSeconds:F0} recipients/s) |"));
            s.AppendLine(Inv($"| Peak working set (process so far) | {sim.PeakWorkingSet / 1048576.0:F0} MB | {smtp.PeakWorkingSet / 1048576.0:F0} MB |"));
            s.AppendLine();
            s.AppendLine("| Pipeline figure | Raw limit, same run | Ratio |");
            s.AppendLine("|---|---|---|");
            var smtpRate = run.N / smtp.Send.TotalSeconds;
            s.AppendLine(Inv($"| Send with real SMTP: {smtpRate:F0} recipients/s | MailKit → maildev directly, {PipelineRun.MaxConcurrency} connections: {raw.MailsPerSecond:F0} mails/s | **{smtpRate / raw.MailsPerSecond:P0}** (target ≥ 90%) |"));
            var simWrites = sim.TableWrites / sim.Send.TotalSeconds;
            s.AppendLine(Inv($"| Send simulated: {run.N / sim.Send.TotalSeconds:F0} recipients/s = {simWrites:F0} row writes/s (2 per person, in chunk transactions of {PipelineRun.ChunkSize}) | Azurite, 100-entity transactions × {RawLimits.TableParallelism}: {raw.EntitiesPerSecond:F0} entities/s | {simWrites / raw.EntitiesPerSecond:P0} |"));
            s.AppendLine(Inv($"| Import: {run.N / sim.Import.TotalSeconds:F0} rows/s | same raw table limit: {raw.EntitiesPerSecond:F0} entities/s | {run.N / sim.Import.TotalSeconds / raw.EntitiesPerSecond:P0} |"));
            var enqueueRate = sim.Messages / sim.Enqueue.TotalSeconds;
            s.AppendLine(Inv($"| Enqueue: {enqueueRate:F0} messages/s (incl. control-row reads and writes) | Azurite queue send × {RawLimits.QueueParallelism}: {raw.QueueSendPerSecond:F0} msgs/s; receive+delete {raw.QueueReceivePerSecond:F0} msgs/s ({raw.QueueMessages:N0} messages) | {enqueueRate / raw.QueueSendPerSecond:P0} |"));
            s.AppendLine(Inv($"| CPU seconds while sending with real SMTP: {smtp.SendCpu} | while MailKit sent directly: {raw.MailCpu} | maildev {smtp.SendCpu.Maildev / raw.MailCpu.Maildev:P0} of raw |"));
            s.AppendLine(Inv($"| CPU seconds while sending simulated: {sim.SendCpu} | | |"));
            s.AppendLine(Inv($"| Simulated end to end: {run.N / sim.Total.TotalSeconds:F0} recipients/s | target ≥ 1,000 recipients/s | {run.N / sim.Total.TotalSeconds / 1000:P0} of target |"));
            s.AppendLine();
        }

        return s.ToString();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
