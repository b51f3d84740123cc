using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Notifications.Functions.Tests.Hosting;

namespace Notifications.Functions.Tests.Incidents;

/// <summary>
/// Waiting on an incident's orchestration through the API: its activities (the assessment, a reminder, a report sent)
/// run on their own, so a test waits until their effect is in the history. The timeout is generous and never asserted on.
/// </summary>
public static class IncidentHistory
{
    /// <summary>The history, once it has an entry matching <paramref name="match"/> (and <paramref name="count"/> of them).</summary>
    public static async Task<List<JsonElement>> WaitForAsync(
        this HttpClient client, string id, string type, CancellationToken ct, Func<JsonElement, bool>? match = null, int count = 1)
    {
        List<JsonElement> history = [];
        await Eventually.HoldsAsync(async () =>
        {
            history = await HistoryAsync(client, id, ct);
            return history.Count(e => e.GetProperty("type").GetString() == type && (match?.Invoke(e) ?? true)) >= count;
        }, $"the history of {id} has {count} '{type}'");
        return history;
    }

    /// <summary>The history as it is; empty before the report is recorded.</summary>
    public static async Task<List<JsonElement>> HistoryAsync(this HttpClient client, string id, CancellationToken ct)
    {
        using var response = await client.GetAsync($"/api/incidents/{id}/history", ct);
        return response.StatusCode == HttpStatusCode.NotFound
            ? []
            : (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(ct)).EnumerateArray().ToList();
    }

    /// <summary>How many entries of <paramref name="type"/> the history has now.</summary>
    public static async Task<int> CountAsync(this HttpClient client, string id, string type, CancellationToken ct) =>
        (await HistoryAsync(client, id, ct)).Count(e => e.GetProperty("type").GetString() == type);
}
