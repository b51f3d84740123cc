using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Notifications.Functions.Access;

namespace Notifications.Functions.Sample;

/// <summary>
/// <c>sample [apiBase]</c>: takes a sample incident through the running local system: report it (physical harm
/// possible, so the deadline is now), wait for the reminder and the harm assessment, confirm the assessment as a privacy
/// officer, approve the Commissioner's report as an approver, wait until it is sent, and print the history.
/// </summary>
public static class SampleIncident
{
    public static async Task<int> RunAsync(AuthOptions auth, Uri api, TextWriter output, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        var token = LocalTokens.Mint(auth, Roles.PrivacyOfficer, "sample-officer", DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        var approverToken = LocalTokens.Mint(auth, Roles.Approver, "sample-approver", DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var created = await http.PostAsJsonAsync("api/incidents", new
        {
            title = "Sample: case file left on a bus",
            description = "A printed case file was left on a city bus and has not been recovered.",
            reporter = new { name = "Sample Reporter", email = "sample.reporter@example.test", phone = "250-555-0100" },
            publicBodies = new[] { new { name = "Ministry of Examples", holds = "custodyAndControl" } },
            occurred = new { kind = "date", on = DateTimeOffset.UtcNow.AddHours(-6) },
            discovered = DateTimeOffset.UtcNow.AddHours(-1),
            cause = "loss",
            personalInformation = new[] { "name", "homeAddress", "health" },
            affected = new { estimatedCount = 1, groups = new[] { "vulnerable" } },
            recipients = new { relationship = "public" },
            containment = new { status = "notContained" },
            physicalHarmPossible = true,
        }, ct);
        if (!created.IsSuccessStatusCode)
        {
            await output.WriteLineAsync($"Intake failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(ct)}");
            return 1;
        }

        var location = created.Headers.Location!.ToString().TrimStart('/');
        await output.WriteLineAsync($"Reported: /{location}");
        if (!await WaitForAsync(http, location, ["reminder-sent", "assessment-proposed"], ct))
        {
            await output.WriteLineAsync("No reminder or assessment within 60 s: is the app running with --local?");
            return 1;
        }

        await output.WriteLineAsync("The deadline reminder reached the privacy office's inbox; the harm assessment is proposed.");
        var decided = await http.PostAsJsonAsync($"{location}/assessment/decision", new { decision = "confirm" }, ct);
        using var approve = new HttpRequestMessage(HttpMethod.Post, $"{location}/commissioner-report/approve");
        approve.Headers.Authorization = new AuthenticationHeaderValue("Bearer", approverToken);
        var approved = decided.IsSuccessStatusCode ? await http.SendAsync(approve, ct) : decided;
        if (!approved.IsSuccessStatusCode || !await WaitForAsync(http, location, ["commissioner-report-sent"], ct))
        {
            await output.WriteLineAsync($"Decision or report approval failed: {(int)approved.StatusCode} {await approved.Content.ReadAsStringAsync(ct)}");
            return 1;
        }

        var history = await http.GetFromJsonAsync<JsonElement>(location + "/history", ct);
        foreach (var entry in history.EnumerateArray())
        {
            var actor = entry.GetProperty("actor");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  #{entry.GetProperty("sequence").GetInt64()} {entry.GetProperty("at").GetDateTimeOffset():u} {entry.GetProperty("type").GetString(),-28} by {actor.GetProperty("id").GetString()} ({actor.GetProperty("role").GetString()})"));
        }

        await output.WriteLineAsync("The officer confirmed significant harm, the approver approved the report, and the Commissioner's inbox has it.");
        return 0;
    }

    private static async Task<bool> WaitForAsync(HttpClient http, string location, string[] types, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var history = await http.GetFromJsonAsync<JsonElement>(location + "/history", ct);
            var seen = history.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToHashSet();
            if (types.All(seen.Contains))
            {
                return true;
            }

            await Task.Delay(500, ct);
        }

        return false;
    }
}
