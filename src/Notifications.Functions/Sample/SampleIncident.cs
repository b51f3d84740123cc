using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Notifications.Functions.Access;

namespace Notifications.Functions.Sample;

/// <summary>
/// <c>sample [apiBase]</c>: takes a sample incident through the running local system: report it (physical harm
/// possible, so the deadline is now), wait for the workflow to email the reminder, and print the history.
/// </summary>
public static class SampleIncident
{
    public static async Task<int> RunAsync(AuthOptions auth, Uri api, TextWriter output, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        var token = LocalTokens.Mint(auth, Roles.PrivacyOfficer, "sample-officer", DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
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

        var location = created.Headers.Location!.ToString();
        await output.WriteLineAsync($"Reported: {location}");
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var history = await http.GetFromJsonAsync<JsonElement>(location.TrimStart('/') + "/history", ct);
            if (history.EnumerateArray().Any(e => e.GetProperty("type").GetString() == "reminder-sent"))
            {
                foreach (var entry in history.EnumerateArray())
                {
                    var actor = entry.GetProperty("actor");
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  #{entry.GetProperty("sequence").GetInt64()} {entry.GetProperty("at").GetDateTimeOffset():u} {entry.GetProperty("type").GetString(),-18} by {actor.GetProperty("id").GetString()} ({actor.GetProperty("role").GetString()})"));
                }

                await output.WriteLineAsync("The deadline reminder reached the privacy office's inbox.");
                return 0;
            }

            await Task.Delay(500, ct);
        }

        await output.WriteLineAsync("No reminder within 60 s: is the app running with --local?");
        return 1;
    }
}
