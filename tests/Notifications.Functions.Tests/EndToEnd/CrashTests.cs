using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Notifications.Functions.Access;
using Notifications.Functions.Tests.Notices;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.EndToEnd;

/// <summary>
/// The local runtime killed with <c>kill -9</c> in the middle of a notification run, and started again: Durable on
/// Azurite resumes the run. Asserted: nobody is lost, nobody marked sent is sent again, the people sent twice were in
/// flight at a kill (at most the SMTP concurrency per kill) and are all counted by the API as possibly sent twice,
/// the incident's reminders are all still pending, and the audit history has no gap and no duplicate. How long
/// sending took to resume after each restart is printed, not asserted (no test asserts on time).
/// </summary>
public sealed class CrashTests(DevServicesFixture fixture)
{
    private const int Concurrency = 2;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public Task OneKill_InTheMiddleOfARunOf1000People_LosesNobody_AndSendsNobodyMarkedSentTwice() => RunWithKillsAsync(1000, kills: 1);

    [Fact]
    public Task TenKills_AtRandomMomentsOfOneRunOf2000People_LoseNobody_AndSendNobodyMarkedSentTwice() => RunWithKillsAsync(2000, kills: 10);

    private async Task RunWithKillsAsync(int count, int kills)
    {
        var prefix = Names.Unique("crash");
        var settings = new Dictionary<string, string?>
        {
            ["FanOut__PerMinute"] = "1000000",
            ["FanOut__PerHour"] = "1000000",
            ["FanOut__MaxConcurrency"] = Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FanOut__MaxBatchesInFlight"] = "1",
            ["FanOut__CanarySize"] = "100",
            // A crashed attempt's rows are taken over soon after its work item shows again.
            ["FanOut__SendingLease"] = "00:00:05",
            ["Hosting__Durable__VisibilityTimeout"] = "00:00:10",
        };
        var process = await AppProcess.StartAsync(fixture.Services, prefix, _ct, settings);
        try
        {
            var officer = process.ClientAs(Roles.PrivacyOfficer);
            var id = await ReportAsync(officer);
            var people = NoticeScenario.People(prefix, count);
            await NoticeScenario.ImportAsync(officer, id, people, _ct);
            (await officer.PostAsJsonAsync($"/api/incidents/{id}/notices/content", NoticeScenario.Content, _ct)).EnsureSuccessStatusCode();
            (await process.ClientAs(Roles.Approver).PostAsync($"/api/incidents/{id}/notices/approve", null, _ct)).EnsureSuccessStatusCode();
            var timersBefore = await TimersAsync(process, id);
            (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();

            var random = new Random(20261202);
            var resumedAfter = new List<TimeSpan>();
            for (var kill = 0; kill < kills; kill++)
            {
                // Kill at a random moment within a second of sending (re)starting, and before a share of the run went out
                // since, so that every kill falls inside the run on a faster machine too.
                await WaitAsync(async () => await MailsAsync(prefix) > 0, "the first notices went out");
                var sentBefore = await SentAsync(officer, id);
                var moment = Stopwatch.StartNew();
                var delay = random.Next(0, 1000);
                while (moment.ElapsedMilliseconds < delay && await SentAsync(officer, id) - sentBefore < count / (2 * kills))
                {
                    await Task.Delay(20, _ct);
                }

                var sentAtKill = await MailsAsync(prefix);
                process.KillHard();
                await process.DisposeAsync();
                Assert.True(sentAtKill < count, $"The run's notices were all out before kill {kill + 1} of {kills}.");

                process = await AppProcess.StartAsync(fixture.Services, prefix, _ct, settings);
                officer = process.ClientAs(Roles.PrivacyOfficer);
                var restarted = Stopwatch.StartNew();
                await WaitAsync(async () => await MailsAsync(prefix) > sentAtKill || await IsCompleteAsync(officer, id), "sending resumed");
                resumedAfter.Add(restarted.Elapsed);
                if (!await IsCompleteAsync(officer, id))
                {
                    Assert.Equal(timersBefore, await TimersAsync(process, id)); // no reminder lost (they stop once notices complete)
                }
            }

            Assert.Equal(kills, resumedAfter.Count);
            await WaitAsync(() => IsCompleteAsync(officer, id), "the run completed", () => StatusAsync(process, id));
            var mails = (await fixture.Services.Mail.AllAsync(_ct)).Where(m => m.To.Any(t => t.Address.Contains(prefix, StringComparison.OrdinalIgnoreCase))).ToList();
            var perPerson = mails.GroupBy(m => m.To.Single().Address.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count());
            var twice = perPerson.Count(p => p.Value > 1);
            var progress = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct);
            var possiblyTwice = progress.GetProperty("possiblySentTwice").GetInt64();
            Report(
                $"{resumedAfter.Count} kill(s) of a run of {count}: {perPerson.Count} people emailed, {twice} of them twice ({mails.Count} emails); " +
                $"the API counts {possiblyTwice} as possibly sent twice; sending resumed {string.Join(", ", resumedAfter.Select(t => $"{t.TotalSeconds:F0} s"))} after each restart");

            Assert.Equal(count, perPerson.Count);                             // nobody lost
            Assert.Equal(count, progress.GetProperty("sent").GetInt64());
            Assert.All(perPerson.Values, n => Assert.InRange(n, 1, 2));
            Assert.InRange(twice, 0, Concurrency * resumedAfter.Count);       // only sends in flight at a kill
            Assert.InRange(twice, 0, possiblyTwice);                          // and the API counted each of them

            // The fan-in's record follows the last batch.
            await Incidents.IncidentHistory.WaitForAsync(officer, id, "notices-completed", _ct);
            var history = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct);
            var sequences = history.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences); // no gap, no duplicate
            var eventIds = history.EnumerateArray().Select(e => e.GetProperty("event").GetProperty("eventId").GetString()).ToList();
            Assert.Equal(eventIds.Count, eventIds.Distinct().Count());
            Assert.Single(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "notification-started");
            Assert.Single(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "notices-completed");
            var reminders = history.EnumerateArray().Where(e => e.GetProperty("type").GetString() == "reminder-due")
                .Select(e => e.GetProperty("event").GetProperty("reminderId").GetString()).ToList();
            Assert.Equal(reminders.Count, reminders.Distinct().Count());
        }
        finally
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>Into the test's output and <c>crash-results.txt</c> beside the test assembly (the figures for the record).</summary>
    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "crash-results.txt"), $"{DateTimeOffset.UtcNow:u} {line}{Environment.NewLine}");
    }


    private async Task<string> ReportAsync(HttpClient officer)
    {
        var id = await Incidents.IncidentRequests.CreateIncidentAsync(officer, _ct);
        await Incidents.IncidentHistory.WaitForAsync(officer, id, "assessment-proposed", _ct);
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/assessment/decision", new { decision = "confirm" }, _ct)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>The incident's pending durable timers (its reminders), as the auditor's orchestration status gives them.</summary>
    private async Task<int> TimersAsync(AppProcess process, string id)
    {
        using var auditor = process.ClientAs(Roles.Auditor);
        using var response = await auditor.GetAsync($"/api/incidents/{id}/orchestration", _ct);
        Assert.True(response.IsSuccessStatusCode, $"GET orchestration: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(_ct)}");
        var status = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        using var custom = JsonDocument.Parse(status.GetProperty("incident").GetProperty("customStatus").GetString()!);
        return custom.RootElement.EnumerateObject().Single(p => p.Name.Equals("pendingTimers", StringComparison.OrdinalIgnoreCase)).Value.GetInt32();
    }

    /// <summary>The run's progress and the orchestrations' status, for a timeout's message.</summary>
    private async Task<string> StatusAsync(AppProcess process, string id)
    {
        using var auditor = process.ClientAs(Roles.Auditor);
        var notification = await auditor.GetStringAsync($"/api/incidents/{id}/notification", _ct);
        var orchestration = await auditor.GetStringAsync($"/api/incidents/{id}/orchestration", _ct);
        return $"Notification: {notification} Orchestration: {orchestration}";
    }

    private async Task<int> MailsAsync(string prefix) =>
        (await fixture.Services.Mail.AllAsync(_ct)).Count(m => m.To.Any(t => t.Address.Contains(prefix, StringComparison.OrdinalIgnoreCase)));

    private async Task<long> SentAsync(HttpClient officer, string id) =>
        (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct)).GetProperty("sent").GetInt64();

    private async Task<bool> IsCompleteAsync(HttpClient officer, string id)
    {
        using var response = await officer.GetAsync($"/api/incidents/{id}/notification", _ct);
        return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("isComplete").GetBoolean();
    }

    /// <summary>Polls every half second (maildev lists every mail of the run on each look); three minutes at most.</summary>
    private async Task WaitAsync(Func<Task<bool>> condition, string what, Func<Task<string>>? status = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // The app is starting.
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"Condition never held: {what}. {(status is null ? "" : await status())}");
            }

            await Task.Delay(500, _ct);
        }
    }
}
