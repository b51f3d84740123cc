using System.Net.Http.Json;
using Notifications.Functions.Access;

namespace Notifications.LocalRuntime.Sample;

/// <summary>
/// <c>sample [apiBase]</c>: takes a sample incident through the running local system: report it (physical harm
/// possible, so the deadline is now), wait for the reminder and the harm assessment, confirm the assessment as a privacy
/// officer, approve the Commissioner's report as an approver and wait until it is sent; then the notices to the affected
/// people (<see cref="SampleNotices"/>); print the notification progress and the history.
/// </summary>
public static class SampleIncident
{
    /// <summary>Where <c>scripts/start.sh</c> serves the maildev inbox.</summary>
    public const string Inbox = "http://127.0.0.1:1080";

    public static async Task<int> RunAsync(AuthOptions auth, Uri api, TextWriter output, CancellationToken ct)
    {
        using var sample = SampleSession.Create(auth, api, output);
        var failure = await ReportAsync(sample, ct)
            ?? await ReportToCommissionerAsync(sample, ct)
            ?? await SampleNotices.SendAsync(sample, ct);
        if (failure is not null)
        {
            await sample.SayAsync(failure);
            return 1;
        }

        await SampleNotices.PrintProgressAsync(sample, ct);
        await sample.SayAsync("History:");
        await sample.PrintHistoryAsync(ct);
        await sample.SayAsync("The officer confirmed significant harm, the approver approved the report, and the Commissioner's inbox has it.");
        await sample.SayAsync($"The reminder, the report and the notices are in the maildev inbox: {Inbox} (when run by scripts/start.sh).");
        return 0;
    }

    private static async Task<string?> ReportAsync(SampleSession sample, CancellationToken ct)
    {
        using var created = await sample.Officer.PostAsJsonAsync("api/incidents", new
        {
            title = "Sample: case files left on a bus",
            description = "A folder of printed case files was left on a city bus and has not been recovered.",
            reporter = new { name = "Sample Reporter", email = "sample.reporter@example.test", phone = "250-555-0100" },
            publicBodies = new[] { new { name = "Ministry of Examples", holds = "custodyAndControl" } },
            occurred = new { kind = "date", on = DateTimeOffset.UtcNow.AddHours(-6) },
            discovered = DateTimeOffset.UtcNow.AddHours(-1),
            cause = "loss",
            personalInformation = new[] { "name", "homeAddress", "health" },
            affected = new { estimatedCount = 6, groups = new[] { "vulnerable" } },
            recipients = new { relationship = "public" },
            containment = new { status = "notContained" },
            physicalHarmPossible = true,
        }, ct);
        if (!created.IsSuccessStatusCode)
        {
            return await SampleSession.FailedAsync("Intake", created, ct);
        }

        // 201 names the incident; 202 (the incident's orchestration had not decided within a few seconds) names the report's
        // event, /api/incidents/{id}/events/reported, under the incident's own path.
        var location = created.Headers.Location!.ToString().TrimStart('/');
        sample.Incident = created.StatusCode == System.Net.HttpStatusCode.Accepted ? location[..location.IndexOf("/events/", StringComparison.Ordinal)] : location;
        await sample.SayAsync($"Reported: /{sample.Incident}");
        if (!await sample.WaitForHistoryAsync(ct, "reminder-sent", "assessment-proposed"))
        {
            return "No reminder or assessment within 60 s: see the app's log.";
        }

        await sample.SayAsync("The deadline reminder reached the privacy office's inbox; the harm assessment is proposed.");
        return null;
    }

    /// <summary>The officer confirms the proposed significant harm; the approver approves the drafted report; it is sent.</summary>
    private static async Task<string?> ReportToCommissionerAsync(SampleSession sample, CancellationToken ct)
    {
        using var decided = await sample.Officer.PostAsJsonAsync($"{sample.Incident}/assessment/decision", new { decision = "confirm" }, ct);
        if (!decided.IsSuccessStatusCode)
        {
            return await SampleSession.FailedAsync("The decision", decided, ct);
        }

        using var approved = await sample.PostAsApproverAsync("commissioner-report/approve", ct);
        if (!approved.IsSuccessStatusCode)
        {
            return await SampleSession.FailedAsync("The report approval", approved, ct);
        }

        if (!await sample.WaitForHistoryAsync(ct, "commissioner-report-sent"))
        {
            return "The Commissioner's report was not sent within 60 s; see the app's log.";
        }

        await sample.SayAsync("The Commissioner's report is approved and sent.");
        return null;
    }
}
