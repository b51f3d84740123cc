using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Notifications.TestKit;

/// <summary>Reads the maildev inbox through its REST API.</summary>
public sealed class Maildev(Uri api)
{
    private static readonly HttpClient Http = new();

    public async Task<IReadOnlyList<ReceivedMail>> AllAsync(CancellationToken ct = default) =>
        await Http.GetFromJsonAsync<List<ReceivedMail>>(new Uri(api, "email"), ct) ?? [];

    /// <summary>Polls until <paramref name="predicate"/> holds for the inbox, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(
        Func<IReadOnlyList<ReceivedMail>, bool> predicate, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var all = await AllAsync(ct);
            if (predicate(all))
            {
                return all;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The mail sink did not reach the expected state; it holds {all.Count} message(s).");
            }

            await Task.Delay(200, ct);
        }
    }

    public async Task ClearAsync(CancellationToken ct = default)
    {
        using var response = await Http.DeleteAsync(new Uri(api, "email/all"), ct);
        response.EnsureSuccessStatusCode();
    }
}

public sealed record ReceivedMail(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("html")] string? Html,
    [property: JsonPropertyName("to")] List<MailAddress> To,
    [property: JsonPropertyName("from")] List<MailAddress> From,
    [property: JsonPropertyName("headers")] Dictionary<string, object>? Headers)
{
    public string Body => (Text ?? "") + "\n" + (Html ?? "");
}

public sealed record MailAddress(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("name")] string? Name);
