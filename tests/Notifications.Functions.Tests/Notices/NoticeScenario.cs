using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text;
using Notifications.TestKit.FanOut;

namespace Notifications.Functions.Tests.Notices;

/// <summary>The steps before notices go out, through the API: an incident with significant harm confirmed, its people imported.</summary>
public static class NoticeScenario
{
    public static readonly object Content = new
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

    public sealed record Person(string Id, string Given, string Family, string Email, string Language);

    /// <summary>People whose names are fixed-length codes, so no name is part of another.</summary>
    public static List<Person> People(string prefix, int count) => Enumerable.Range(0, count).Select(i =>
    {
        var code = new string([(char)('a' + (i / 676 % 26)), (char)('a' + (i / 26 % 26)), (char)('a' + (i % 26))]);
        return new Person($"C-{300000 + i}", $"Given{code}", $"Family{code}", $"p{i}.{prefix}@example.test", i % 2 == 0 ? "en" : "fr");
    }).ToList();

    public static async Task ImportAsync(HttpClient officer, string id, List<Person> people, CancellationToken ct)
    {
        var csv = FanOutCsv.Header + "\n" + string.Join("\n", people.Select((p, i) => $"{p.Id},{p.Given},{p.Family},{p.Email},,{p.Language},BC,client:{880000 + i},,,"));
        var response = await officer.PostAsync($"/api/incidents/{id}/recipients", new StringContent(csv, Encoding.UTF8, "text/csv"), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Notice content submitted by the officer and approved by an approver.</summary>
    public static async Task ApproveContentAsync(AppFactory app, string id, object content, CancellationToken ct)
    {
        (await app.ClientAs(Access.Roles.PrivacyOfficer).PostAsJsonAsync($"/api/incidents/{id}/notices/content", content, ct)).EnsureSuccessStatusCode();
        (await app.ClientAs(Access.Roles.Approver).PostAsync($"/api/incidents/{id}/notices/approve", null, ct)).EnsureSuccessStatusCode();
    }
}
