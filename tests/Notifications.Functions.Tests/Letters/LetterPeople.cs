using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text;
using Notifications.TestKit.FanOut;

namespace Notifications.Functions.Tests.Letters;

/// <summary>One row of a recipients file for the letters tests; <see cref="Line"/> is its line in the file (the header is line 1).</summary>
public sealed record LetterPerson(int Line, string Id, string Given, string Family, string? Email, string? Address, string Language, bool Withhold = false)
{
    public bool GetsALetter => !Withhold && Email is null && Address is not null;

    /// <summary>Everything of this person that must never reach someone else's letter.</summary>
    public IEnumerable<string> Values() =>
        new[] { Id, Given, Family, Email, Address, $"client:{880000 + Line}" }.OfType<string>();
}

/// <summary>Recipient files with email, letter, indirect and withheld people, and the steps to a notifying incident.</summary>
public static class LetterPeople
{
    public static readonly object Content = new
    {
        summary = new
        {
            en = "A report listing clients was mailed to the wrong address.",
            fr = "Un rapport énumérant des clients a été posté à la mauvaise adresse.",
        },
        stepsForPerson = new
        {
            en = new[] { "Watch your accounts for unusual activity." },
            fr = new[] { "Surveillez vos comptes pour toute activité inhabituelle." },
        },
    };

    /// <summary>
    /// People whose names are fixed-length codes (no name is part of another): <paramref name="email"/> with an email,
    /// <paramref name="letters"/> with only a postal address (every other one French), then one with no contact (indirect)
    /// and one withheld who has a postal address.
    /// </summary>
    public static List<LetterPerson> Mixed(string prefix, int email, int letters)
    {
        var people = new List<LetterPerson>();
        string Code(int i) => new([(char)('a' + (i / 676 % 26)), (char)('a' + (i / 26 % 26)), (char)('a' + (i % 26))]);
        for (var i = 0; i < email + letters + 2; i++)
        {
            var line = people.Count + 2;
            var code = Code(i);
            var kind = i < email ? "email" : i < email + letters ? "letter" : i == email + letters ? "indirect" : "withheld";
            people.Add(new LetterPerson(line, $"L-{400000 + i}", $"Given{code}", $"Family{code}",
                kind == "email" ? $"p{i}.{prefix}@example.test" : null,
                kind is "letter" or "withheld" ? $"{100 + i} Fictional Street {code}, Victoria BC V8V {i % 10}A{i % 10}" : null,
                i % 2 == 0 ? "en" : "fr",
                Withhold: kind == "withheld"));
        }

        return people;
    }

    public static string Csv(IEnumerable<LetterPerson> people) =>
        FanOutCsv.Header + "\n" + string.Join("\n", people.Select(p =>
            string.Join(',', Q(p.Id), Q(p.Given), Q(p.Family), Q(p.Email ?? ""), Q(p.Address ?? ""), p.Language, "BC",
                $"client:{880000 + p.Line}", "", p.Withhold ? "true" : "", p.Withhold ? Q("Safety of the person.") : "")));

    public static async Task ImportAsync(HttpClient officer, string id, IEnumerable<LetterPerson> people, CancellationToken ct)
    {
        var response = await officer.PostAsync($"/api/incidents/{id}/recipients", new StringContent(Csv(people), Encoding.UTF8, "text/csv"), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<List<JsonElement>> HistoryAsync(HttpClient client, string id, string type, CancellationToken ct) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", ct))
            .EnumerateArray().Where(e => e.GetProperty("type").GetString() == type).ToList();

    private static string Q(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
