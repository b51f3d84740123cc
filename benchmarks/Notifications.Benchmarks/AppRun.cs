using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Notifications.Functions.Access;
using Notifications.TestKit;
using Notifications.TestKit.FanOut;

namespace Notifications.Benchmarks;

/// <summary>What one run through the app took, by phase (wall clock as the client sees it).</summary>
internal sealed record AppRunResult(
    bool Simulated, int People, int Batches, TimeSpan AppStart, TimeSpan Incident, TimeSpan Import, TimeSpan Approval,
    TimeSpan StartToCanary, long SentAtRelease, TimeSpan Send, TimeSpan FanIn, long Sent, long PossiblyTwice, long CsvBytes,
    CpuSample RunCpu, CpuSample SendCpu, long AppPeakWorkingSet, string Prefix)
{
    /// <summary>From the import's first byte to the notices recorded complete with the incident.</summary>
    public TimeSpan EndToEnd => Import + Approval + StartToCanary + Send + FanIn;

    /// <summary>From the start to the notices recorded complete: the run orchestration's whole life.</summary>
    public TimeSpan Run => StartToCanary + Send + FanIn;

    public double SendRate => (People - SentAtRelease) / Send.TotalSeconds;
}

/// <summary>
/// One notification run through the app as a user drives it, over HTTP against the local runtime: report an incident,
/// confirm the assessment, import N people (one <c>text/csv</c> body, streamed), submit and approve the notice content,
/// start, then watch <c>GET …/notification</c> until every batch is complete and the history until the notices are
/// recorded complete. Inside the app: the run orchestration on Durable (canary, canary check, the rest
/// <c>MaxBatchesInFlight</c> at a time), the batch activities rendering and linting each notice and sending it.
/// </summary>
internal static class AppRun
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static async Task<(AppRunResult Result, string Prefix)> RunAsync(DevServices dev, int n, bool simulate, BenchmarkSettings bench, Action<string> log)
    {
        var prefix = Names.Unique(simulate ? "bsim" : "bsmtp");
        var csv = Path.Combine(Path.GetTempPath(), prefix + ".csv");
        await using (var writer = new StreamWriter(csv, false, new UTF8Encoding(false)))
        {
            WritePeople(writer, n, prefix);
        }

        var settings = bench.AppSettings(simulate);
        var watch = Stopwatch.StartNew();
        await using var app = await AppHost.StartAsync(dev, prefix, settings);
        var appStart = watch.Elapsed;
        using var officer = app.ClientAs(Roles.PrivacyOfficer);
        using var approver = app.ClientAs(Roles.Approver);

        // Report, assessment proposed by the incident's orchestration, significant harm confirmed: notifying.
        watch.Restart();
        var id = await ReportAsync(officer, n);
        await WaitAsync(async () => await HasHistoryAsync(officer, id, "assessment-proposed"), "the assessment was proposed", TimeSpan.FromMinutes(5));
        await Ok(await officer.PostAsJsonAsync($"/api/incidents/{id}/assessment/decision", new { decision = "confirm" }), "assessment decision");
        var incident = watch.Elapsed;

        var cpu = CpuSample.Take();
        watch.Restart();
        var csvBytes = new FileInfo(csv).Length;
        await using (var file = File.OpenRead(csv))
        {
            using var body = new StreamContent(file, 1 << 16);
            body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
            await Ok(await officer.PostAsync($"/api/incidents/{id}/recipients", body), "import");
        }

        var import = watch.Elapsed;
        File.Delete(csv);

        watch.Restart();
        await Ok(await officer.PostAsJsonAsync($"/api/incidents/{id}/notices/content", Content), "notice content");
        await Ok(await approver.PostAsync($"/api/incidents/{id}/notices/approve", null), "approval");
        var approval = watch.Elapsed;

        // Start: the canary batch alone, its check, and the rest released.
        watch.Restart();
        var started = await Ok(await officer.PostAsync($"/api/incidents/{id}/notification/start", null), "start");
        var batches = started.GetProperty("batches").GetInt32();
        var timeout = TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(n / 100.0);
        var progress = await WaitForProgressAsync(officer, id, p => p.GetProperty("batchesReleased").GetInt32() == batches, "the canary released the rest", timeout);
        var startToCanary = watch.Elapsed;
        var sentAtRelease = progress.GetProperty("sent").GetInt64();

        var sendCpu = CpuSample.Take();
        watch.Restart();
        progress = await WaitForProgressAsync(officer, id, p => p.GetProperty("isComplete").GetBoolean(), "every batch complete", timeout);
        var send = watch.Elapsed;
        sendCpu = CpuSample.Take() - sendCpu;

        // Fan-in: the run's last activity records the counts with the incident.
        watch.Restart();
        await WaitAsync(async () => await HasHistoryAsync(officer, id, "notices-completed"), "the notices were recorded complete", TimeSpan.FromMinutes(5));
        var fanIn = watch.Elapsed;
        var runCpu = CpuSample.Take() - cpu;

        var sent = progress.GetProperty("sent").GetInt64();
        if (sent != n)
        {
            throw new InvalidOperationException($"The run completed with {sent} of {n} sent: {progress}");
        }

        var peak = PeakWorkingSet(app.ProcessId);
        await app.StopAsync();
        var result = new AppRunResult(simulate, n, batches, appStart, incident, import, approval, startToCanary, sentAtRelease, send, fanIn, sent,
            progress.GetProperty("possiblySentTwice").GetInt64(), csvBytes, runCpu, sendCpu, peak, prefix);
        log(Inv($"  {(simulate ? "simulated" : "smtp")}: app start {appStart.TotalSeconds:F1} s, incident {incident.TotalSeconds:F1} s, import {import.TotalSeconds:F1} s, approval {approval.TotalSeconds:F2} s, start→canary {startToCanary.TotalSeconds:F1} s, send {send.TotalSeconds:F1} s ({result.SendRate:F0}/s), fan-in {fanIn.TotalSeconds:F1} s; end to end {n / result.EndToEnd.TotalSeconds:F0}/s; CPU {runCpu}"));
        return (result, prefix);
    }

    /// <summary>As the notification tests word it: both languages, one step.</summary>
    private static readonly object Content = new
    {
        summary = new
        {
            en = "A report listing clients was emailed to the wrong distribution list.",
            fr = "Un rapport énumérant des clients a été envoyé à la mauvaise liste de distribution.",
        },
        stepsForPerson = new
        {
            en = new[] { "Watch your accounts for unusual activity." },
            fr = new[] { "Surveillez vos comptes pour toute activité inhabituelle." },
        },
    };

    /// <summary>
    /// N people whose names are fixed-length letter codes (no name part of another, as the linter's index sees them),
    /// each with their own address and a client id, English and French alternating.
    /// </summary>
    private static void WritePeople(TextWriter writer, int n, string prefix)
    {
        writer.Write(FanOutCsv.Header);
        writer.Write('\n');
        for (var i = 0; i < n; i++)
        {
            var code = new string([(char)('a' + (i / 17576 % 26)), (char)('a' + (i / 676 % 26)), (char)('a' + (i / 26 % 26)), (char)('a' + (i % 26))]);
            writer.Write(Inv($"C-{3000000 + i},Given{code},Family{code},p{i}.{prefix}@example.test,,{(i % 2 == 0 ? "en" : "fr")},BC,client:{8800000 + i},,,\n"));
        }
    }

    private static async Task<string> ReportAsync(HttpClient officer, int n)
    {
        var body = new JsonObject
        {
            ["title"] = "Misdirected spreadsheet (benchmark)",
            ["description"] = "Spreadsheet of clients with application numbers emailed to a vendor by mistake",
            ["reporter"] = new JsonObject { ["name"] = "Riley Reporter-Quill", ["email"] = "riley.quill@example.test", ["phone"] = "250-555-0199" },
            ["publicBodies"] = new JsonArray(new JsonObject { ["name"] = "Ministry of Examples", ["holds"] = "custodyAndControl" }),
            ["occurred"] = new JsonObject { ["kind"] = "date", ["on"] = DateTimeOffset.UtcNow.AddDays(-3) },
            ["discovered"] = DateTimeOffset.UtcNow.AddDays(-1),
            ["cause"] = "misdirectedEmail",
            ["personalInformation"] = new JsonArray("name", "applicationNumber", "clientId"),
            ["affected"] = new JsonObject { ["estimatedCount"] = n, ["groups"] = new JsonArray() },
            ["recipients"] = new JsonObject { ["count"] = 12, ["relationship"] = "unrelatedIndividuals" },
            ["containment"] = new JsonObject { ["status"] = "notContained", ["recipientsAgreedToDestroyOrReturn"] = false },
            ["physicalHarmPossible"] = false,
        };
        var created = await Ok(await officer.PostAsJsonAsync("/api/incidents", body), "report");
        return created.GetProperty("id").GetString()!;
    }

    private static async Task<bool> HasHistoryAsync(HttpClient client, string id, string type)
    {
        using var response = await client.GetAsync($"/api/incidents/{id}/history");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        var history = await Ok(response, "history");
        return history.EnumerateArray().Any(e => e.GetProperty("type").GetString() == type);
    }

    /// <summary>The run's progress once <paramref name="until"/> holds; fails when it stands still (held, or nothing sent for three minutes).</summary>
    private static async Task<JsonElement> WaitForProgressAsync(HttpClient client, string id, Func<JsonElement, bool> until, string what, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var moved = Stopwatch.StartNew();
        long lastSent = -1;
        while (true)
        {
            var progress = await Ok(await client.GetAsync($"/api/incidents/{id}/notification"), "progress");
            if (until(progress))
            {
                return progress;
            }

            var sent = progress.GetProperty("sent").GetInt64() + progress.GetProperty("blocked").GetInt64();
            if (sent != lastSent)
            {
                lastSent = sent;
                moved.Restart();
            }

            if (progress.GetProperty("halted").GetBoolean() || moved.Elapsed > TimeSpan.FromMinutes(3) || watch.Elapsed > timeout)
            {
                using var status = await client.GetAsync($"/api/incidents/{id}/orchestration");
                var orchestration = $"{(int)status.StatusCode} {await status.Content.ReadAsStringAsync()}";
                throw new TimeoutException($"Never: {what}. Progress {progress}; orchestration {orchestration}");
            }

            await Task.Delay(Poll);
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Never: {what}.");
            }

            await Task.Delay(Poll);
        }
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response, string what)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {text}");
            }

            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    /// <summary>The app process's peak resident memory (VmHWM), in bytes.</summary>
    private static long PeakWorkingSet(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
