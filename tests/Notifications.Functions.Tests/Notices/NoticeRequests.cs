using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Notifications.Functions.Assessment;
using Notifications.Functions.Tests.Incidents;

namespace Notifications.Functions.Tests.Notices;

/// <summary>Requests that take an incident to its notices through the API: a notifying incident, the people, the approved content.</summary>
public static class NoticeRequests
{
    public const string Header = "person_id,given_name,family_name,email,postal_address,language,jurisdiction,identifiers,guardian_email,withhold,withhold_reason";

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
        var csv = Header + "\n" + string.Join("\n", people.Select((p, i) => $"{p.Id},{p.Given},{p.Family},{p.Email},,{p.Language},BC,client:{880000 + i},,,"));
        var response = await officer.PostAsync($"/api/incidents/{id}/recipients", new StringContent(csv, Encoding.UTF8, "text/csv"), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A reported incident, assessed and confirmed as significant harm: notifying.</summary>
    public static async Task<string> NotifyingIncidentAsync(AppFactory app, HttpClient officer, CancellationToken ct)
    {
        var response = await officer.PostAsJsonAsync("/api/incidents", IncidentRequests.Valid(), ct);
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
        Assert.Equal(1, await QueueDriver.DrainAsync(app.Services, AssessHarmActivity.Function, ct));
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/assessment/decision", new { decision = "confirm" }, ct)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>The default content submitted by the officer and approved by an approver.</summary>
    public static async Task ApproveContentAsync(AppFactory app, HttpClient officer, string id, CancellationToken ct)
    {
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/notices/content", Content, ct)).EnsureSuccessStatusCode();
        (await app.ClientAs(Access.Roles.Approver).PostAsync($"/api/incidents/{id}/notices/approve", null, ct)).EnsureSuccessStatusCode();
    }
}
