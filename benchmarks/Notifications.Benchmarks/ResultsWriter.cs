using System.Globalization;
using System.Text;

namespace Notifications.Benchmarks;

/// <summary>The committed results file: the machine, each phase of the app's run, each figure next to its raw limit, the targets.</summary>
internal static class ResultsWriter
{
    public static string Write(DateTimeOffset started, TimeSpan took, MachineInfo machine, BenchmarkSettings bench, IReadOnlyList<SizeRun> runs)
    {
        var s = new StringBuilder();
        s.AppendLine(Inv($"# Notification run benchmark (the app through Durable), {started:yyyy-MM-dd HH:mm} UTC"));
        s.AppendLine();
        s.AppendLine(Inv($"Machine `{Environment.MachineName}`: {machine.Cores} cores (`nproc`), {machine.Model}, {machine.MemoryKiB / 1024.0 / 1024.0:F1} GiB RAM, load average at start {machine.LoadAverage}; written {took.TotalMinutes:F1} min after the benchmark started."));
        s.AppendLine(Inv($"Release build, .NET {Environment.Version}. The app is the local runtime (`src/Notifications.LocalRuntime`, the host the end-to-end tests start) as its own process, with its Durable sidecar (Durable Functions' Azure Storage provider) on Azurite; Azurite (in-memory) and maildev are local node processes on the same cores, started afresh for each measurement."));
        s.AppendLine(Inv($"App settings: {bench}; everything else as shipped (notices rendered from the approved content and linted against the import, one orchestration per run)."));
        s.AppendLine();
        foreach (var run in runs)
        {
            WriteSize(s, run, bench);
        }

        return s.ToString();
    }

    private static void WriteSize(StringBuilder s, SizeRun run, BenchmarkSettings bench)
    {
        var (sim, smtp, raw, durable) = (run.Simulated, run.Smtp, run.Raw, run.Durable);
        var n = run.N;
        s.AppendLine(Inv($"## N = {n:N0} ({sim.Batches:N0} batches; load average before: {run.LoadBefore})"));
        s.AppendLine();
        s.AppendLine("| Phase (wall clock, as the HTTP client sees it) | Simulated sender | Real SMTP (maildev) |");
        s.AppendLine("|---|---|---|");
        Row(s, "App start (process to first answer, Durable sidecar on Azurite)", sim.AppStart, smtp.AppStart);
        Row(s, "Incident reported → assessment proposed → confirmed", sim.Incident, smtp.Incident);
        s.AppendLine(Inv($"| Import (`POST …/recipients`, one `text/csv` body of {sim.CsvBytes / 1048576.0:F1} MB) | {sim.Import.TotalSeconds:F1} s ({n / sim.Import.TotalSeconds:F0} rows/s) | {smtp.Import.TotalSeconds:F1} s ({n / smtp.Import.TotalSeconds:F0} rows/s) |"));
        s.AppendLine(Inv($"| Approval (content submitted, approved) | {sim.Approval.TotalSeconds:F2} s | {smtp.Approval.TotalSeconds:F2} s |"));
        s.AppendLine(Inv($"| Start → canary sent, checked, rest released | {sim.StartToCanary.TotalSeconds:F1} s ({sim.SentAtRelease} sent) | {smtp.StartToCanary.TotalSeconds:F1} s ({smtp.SentAtRelease} sent) |"));
        s.AppendLine(Inv($"| Send (rest released → every batch complete) | {sim.Send.TotalSeconds:F1} s ({sim.SendRate:F0} recipients/s) | {smtp.Send.TotalSeconds:F1} s ({smtp.SendRate:F0} recipients/s) |"));
        Row(s, "Fan-in (every batch complete → notices recorded complete)", sim.FanIn, smtp.FanIn);
        s.AppendLine(Inv($"| Run (start → notices complete) | {sim.Run.TotalSeconds:F1} s ({n / sim.Run.TotalSeconds:F0} recipients/s) | {smtp.Run.TotalSeconds:F1} s ({n / smtp.Run.TotalSeconds:F0} recipients/s) |"));
        s.AppendLine(Inv($"| **End to end (import → notices complete)** | **{sim.EndToEnd.TotalSeconds:F1} s ({n / sim.EndToEnd.TotalSeconds:F0} recipients/s)** | **{smtp.EndToEnd.TotalSeconds:F1} s ({n / smtp.EndToEnd.TotalSeconds:F0} recipients/s)** |"));
        s.AppendLine(Inv($"| Sent / possibly sent twice | {sim.Sent:N0} / {sim.PossiblyTwice} | {smtp.Sent:N0} / {smtp.PossiblyTwice} |"));
        s.AppendLine(Inv($"| App peak resident memory (VmHWM) | {sim.AppPeakWorkingSet / 1048576.0:F0} MB | {smtp.AppPeakWorkingSet / 1048576.0:F0} MB |"));
        s.AppendLine(Inv($"| CPU seconds, import → complete | {sim.RunCpu} | {smtp.RunCpu} |"));
        s.AppendLine(Inv($"| CPU seconds, send phase | {sim.SendCpu} | {smtp.SendCpu} |"));
        s.AppendLine();

        var smtpRatio = smtp.SendRate / raw.MailsPerSecond;
        var simShare = durable.Time / sim.Run;
        var smtpShare = durable.Time / smtp.Run;
        var simEndToEnd = n / sim.EndToEnd.TotalSeconds;
        s.AppendLine("| Figure of the app's run | Raw limit, same benchmark, same machine | Ratio |");
        s.AppendLine("|---|---|---|");
        s.AppendLine(Inv($"| Send phase with real SMTP: {smtp.SendRate:F0} recipients/s | MailKit → maildev directly, {bench.MaxConcurrency} connections: {raw.MailsPerSecond:F0} mails/s ({raw.Mails:N0} mails) | **{smtpRatio:P0}** (target ≥ 90 %: {Verdict(smtpRatio >= 0.9)}) |"));
        s.AppendLine(Inv($"| Durable's own share: the same {durable.Activities:N0} activities, empty, {durable.InFlight} in flight, on the run's task hub: {durable.Time.TotalSeconds:F1} s ({durable.PerSecond:F0} activities/s) | the simulated run, start → complete: {sim.Run.TotalSeconds:F1} s; the SMTP run: {smtp.Run.TotalSeconds:F1} s | **{simShare:P0}** of the simulated run, {smtpShare:P0} of the SMTP run (target < 10 %: {Verdict(simShare < 0.1)}, {Verdict(smtpShare < 0.1)}) |"));
        s.AppendLine(Inv($"| Simulated end to end: {simEndToEnd:F0} recipients/s | target ≥ 1,000 recipients/s | **{simEndToEnd / 1000:P0}** of target ({Verdict(simEndToEnd >= 1000)}) |"));
        var simWrites = 2.0 * (n - sim.SentAtRelease) / sim.Send.TotalSeconds;
        s.AppendLine(Inv($"| Send simulated: {sim.SendRate:F0} recipients/s ≈ {simWrites:F0} recipient-row writes/s (2 per person, in chunks of {bench.ChunkSize}) | Azurite, 100-entity transactions × {RawLimits.TableParallelism}: {raw.EntitiesPerSecond:F0} entities/s | {simWrites / raw.EntitiesPerSecond:P0} |"));
        s.AppendLine(Inv($"| Import: {n / sim.Import.TotalSeconds:F0} rows/s | same raw table limit: {raw.EntitiesPerSecond:F0} entities/s | {n / sim.Import.TotalSeconds / raw.EntitiesPerSecond:P0} |"));
        s.AppendLine(Inv($"| Durable alone: {durable.PerSecond:F0} activities/s (each a work-item message, a control-queue message, history rows) | Azurite queue send × {RawLimits.QueueParallelism}: {raw.QueueSendPerSecond:F0} msgs/s; receive+delete {raw.QueueReceivePerSecond:F0} msgs/s ({raw.QueueMessages:N0} messages) | {durable.PerSecond / raw.QueueReceivePerSecond:P0} of receive+delete |"));
        s.AppendLine(Inv($"| CPU seconds while the app sent with real SMTP: {smtp.SendCpu} | while MailKit sent directly: {raw.MailCpu} | maildev {smtp.SendCpu.Maildev / raw.MailCpu.Maildev:P0} of raw |"));
        s.AppendLine(Inv($"| CPU seconds of Durable alone: {durable.Cpu} | | |"));
        s.AppendLine();
    }

    private static void Row(StringBuilder s, string phase, TimeSpan sim, TimeSpan smtp) =>
        s.AppendLine(Inv($"| {phase} | {sim.TotalSeconds:F1} s | {smtp.TotalSeconds:F1} s |"));

    private static string Verdict(bool met) => met ? "met" : "missed";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
