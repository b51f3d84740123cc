using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Notifications.Functions.Access;
using Notifications.Functions.Notices;
using Notifications.Functions.Tests.Incidents;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Notices;

/// <summary>
/// The office's own notice templates, on real Azurite and a real SMTP sink: checked like the defaults (Liquid, required
/// elements, EN/FR), approved and pinned with the content, and exactly what the notices and the public page render.
/// </summary>
public sealed class CustomTemplateTests(DevServicesFixture fixture)
{
    private const string EnglishLine = "This notice comes from the Ministry's own privacy team.";
    private const string FrenchLine = "Cet avis vient de l'équipe de la protection de la vie privée du ministère.";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task OwnTemplates_AreCheckedApprovedAndPinned_AndEveryNoticeRendersThem()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = NoticeScenario.People(app.Prefix, 6);
        await NoticeScenario.ImportAsync(officer, id, people, _ct);
        var defaults = await app.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>("/api/notices/templates/default", _ct);
        string Part(string language, string part) => defaults.GetProperty(language).GetProperty(part).GetString()!;

        var submitted = await officer.PostAsJsonAsync($"/api/incidents/{id}/notices/content",
            WithTemplates(Part("en", "subject"), EnglishLine + "\n\n" + Part("en", "body"), Part("fr", "subject"), FrenchLine + "\n\n" + Part("fr", "body")), _ct);
        submitted.EnsureSuccessStatusCode();
        var version = (await submitted.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("version");
        Assert.True(version.GetInt64() > 0);
        (await app.ClientAs(Roles.Approver).PostAsync($"/api/incidents/{id}/notices/approve", null, _ct)).EnsureSuccessStatusCode();
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        await RunDriver.SettleAsync(app, id, _ct);

        var addresses = people.Select(p => p.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var inbox = await fixture.Services.Mail.WaitForAsync(all => all.Count(m => m.To.Any(t => addresses.Contains(t.Address))) == people.Count, ct: _ct);
        foreach (var person in people)
        {
            var mail = Assert.Single(inbox, m => m.To.Any(t => string.Equals(t.Address, person.Email, StringComparison.OrdinalIgnoreCase)));
            Assert.StartsWith(person.Language == "fr" ? FrenchLine : EnglishLine, mail.Text!.TrimStart(), StringComparison.Ordinal);
        }

        var page = await app.CreateClient().GetStringAsync($"/api/public/notices/{id}", _ct);
        Assert.Contains("own privacy team", page, StringComparison.Ordinal);
        Assert.Contains("l&#39;équipe de la protection", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnTemplates_ThatDoNotParse_OrLeaveOutARequiredElement_AreRefusedByFieldAndNothingIsRecorded()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var url = $"/api/incidents/{id}/notices/content";

        var broken = await officer.PostAsJsonAsync(url, WithTemplates("Notice", "Hello {% if given_name %}", "Avis", "Bonjour {{ given_name }}"), _ct);
        var thin = await officer.PostAsJsonAsync(url, WithTemplates("Notice", "Hello {{ given_name }}.", "Avis", "Bonjour {{ given_name }}."), _ct);
        var empty = await officer.PostAsJsonAsync(url, WithTemplates("", "Hello", "Avis", ""), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var brokenErrors = (await broken.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("errors");
        Assert.Matches(@"\(1:\d+\)|line 1", brokenErrors.GetProperty("templates.en.body")[0].GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, thin.StatusCode);
        Assert.True((await thin.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("errors").TryGetProperty("missing-element", out _));
        var emptyErrors = (await empty.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("errors");
        Assert.True(emptyErrors.TryGetProperty("templates.en.subject", out _));
        Assert.True(emptyErrors.TryGetProperty("templates.fr.body", out _));
        var history = (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct)).EnumerateArray();
        Assert.DoesNotContain(history, e => e.GetProperty("type").GetString() == "notice-content-submitted");
    }

    [Fact]
    public async Task OwnTemplates_InStandardLiquid_AreAccepted_AndARefusedTagOrFilterIsLocatedByField()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var defaults = await app.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>("/api/notices/templates/default", _ct);
        string Part(string language, string part) => defaults.GetProperty(language).GetProperty(part).GetString()!;
        var url = $"/api/incidents/{id}/notices/content";
        const string Opening = "{% case language %}{% when 'en' %}" + EnglishLine + "{% else %}" + FrenchLine + "{% endcase %}\n"
            + "{% unless commissioner_notified %}{% comment %}draft{% endcomment %}{% endunless %}";

        var refused = await officer.PostAsJsonAsync(url,
            WithTemplates(Part("en", "subject"), "Hello\n{% include 'letterhead' %}\n" + Part("en", "body"), "Avis {{ occurred | date: '%Y' }}", Part("fr", "body")), _ct);
        var accepted = await officer.PostAsJsonAsync(url,
            WithTemplates(Part("en", "subject"), Opening + Part("en", "body"), Part("fr", "subject"), Opening + Part("fr", "body")), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("errors");
        Assert.Matches(@"Unknown or misplaced tag 'include' at \(2:\d+\)", errors.GetProperty("templates.en.body")[0].GetString()!);
        Assert.Matches(@"Unknown filter 'date' at \(1:20\)", errors.GetProperty("templates.fr.subject")[0].GetString()!);
        accepted.EnsureSuccessStatusCode();
        (await app.ClientAs(Roles.Approver).PostAsync($"/api/incidents/{id}/notices/approve", null, _ct)).EnsureSuccessStatusCode();
        var page = await app.CreateClient().GetStringAsync($"/api/public/notices/{id}", _ct);
        Assert.Contains("own privacy team", page, StringComparison.Ordinal);
        Assert.Contains("l&#39;équipe de la protection", page, StringComparison.Ordinal);
    }

    private static object WithTemplates(string enSubject, string enBody, string frSubject, string frBody) => new
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
        templates = new
        {
            en = new { subject = enSubject, body = enBody },
            fr = new { subject = frSubject, body = frBody },
        },
    };
}
