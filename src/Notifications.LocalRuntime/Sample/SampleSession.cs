using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Notifications.Functions.Access;

namespace Notifications.LocalRuntime.Sample;

/// <summary>
/// What the sample's steps share: one incident, a privacy officer's client, an approver's token and the console. A step
/// answers null when it worked, or the line that says why it did not.
/// </summary>
internal sealed class SampleSession : IDisposable
{
    /// <summary>How long a wait for the history lasts: long enough for a queue message and an email.</summary>
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly HttpClient _officer;
    private readonly string _approverToken;

    private SampleSession(HttpClient officer, string approverToken, TextWriter output)
    {
        _officer = officer;
        _approverToken = approverToken;
        Output = output;
    }

    /// <summary>The privacy officer's client; requests are relative to the API's base address.</summary>
    public HttpClient Officer => _officer;

    public TextWriter Output { get; }

    /// <summary>The incident's path, <c>api/incidents/inc-…</c>, once it is reported.</summary>
    public string Incident { get; set; } = "";

    public static SampleSession Create(AuthOptions auth, Uri api, TextWriter output)
    {
        var now = DateTimeOffset.UtcNow;
        var officer = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        officer.DefaultRequestHeaders.Authorization = Bearer(LocalTokens.Mint(auth, Roles.PrivacyOfficer, "sample-officer", now, TimeSpan.FromHours(1)));
        return new SampleSession(officer, LocalTokens.Mint(auth, Roles.Approver, "sample-approver", now, TimeSpan.FromHours(1)), output);
    }

    public Task SayAsync(string line) => Output.WriteLineAsync(line);

    /// <summary>POST to <c>{incident}/{path}</c> with no body, as the approver.</summary>
    public async Task<HttpResponseMessage> PostAsApproverAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Incident}/{path}");
        request.Headers.Authorization = Bearer(_approverToken);
        return await _officer.SendAsync(request, ct);
    }

    /// <summary>GET <c>{incident}/{path}</c> (or the incident itself for an empty path) as JSON.</summary>
    public Task<JsonElement> GetAsync(string path, CancellationToken ct) =>
        _officer.GetFromJsonAsync<JsonElement>(path.Length == 0 ? Incident : $"{Incident}/{path}", ct);

    /// <summary>The incident's history; empty while its orchestration has not recorded the report yet (404).</summary>
    public async Task<List<JsonElement>> HistoryAsync(CancellationToken ct)
    {
        using var response = await _officer.GetAsync($"{Incident}/history", ct);
        return response.StatusCode == System.Net.HttpStatusCode.NotFound
            ? []
            : (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(ct)).EnumerateArray().ToList();
    }

    /// <summary>Polls the history until it has an entry of every one of <paramref name="types"/>; false after a minute.</summary>
    public Task<bool> WaitForHistoryAsync(CancellationToken ct, params string[] types) => WaitForAsync(async () =>
    {
        var seen = (await HistoryAsync(ct)).Select(e => e.GetProperty("type").GetString()).ToHashSet();
        return types.All(seen.Contains);
    }, Minute, ct);

    /// <summary>Polls <paramref name="condition"/> every half second until it holds; false once <paramref name="within"/> has passed.</summary>
    public static async Task<bool> WaitForAsync(Func<Task<bool>> condition, TimeSpan within, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(500, ct);
        }

        return true;
    }

    /// <summary>The history, one line an entry: sequence, time, type and who.</summary>
    public async Task PrintHistoryAsync(CancellationToken ct)
    {
        foreach (var entry in await HistoryAsync(ct))
        {
            var actor = entry.GetProperty("actor");
            await SayAsync(string.Create(CultureInfo.InvariantCulture,
                $"  #{entry.GetProperty("sequence").GetInt64()} {entry.GetProperty("at").GetDateTimeOffset():u} {entry.GetProperty("type").GetString(),-28} by {actor.GetProperty("id").GetString()} ({actor.GetProperty("role").GetString()})"));
        }
    }

    /// <summary>"{what} failed: {status} {body}", for a response that was not a success.</summary>
    public static async Task<string> FailedAsync(string what, HttpResponseMessage response, CancellationToken ct) =>
        $"{what} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}";

    public void Dispose() => _officer.Dispose();

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
