using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Domain.Incidents;
using Notifications.Domain.Policy;
using Notifications.Functions.Access;
using Notifications.Functions.Notices;
using Notifications.Functions.Tests.Incidents;
using Notifications.Infrastructure.Workflow;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Notices;

/// <summary>
/// Issue 14: personal information typed into the notice content, on real Azurite and a real SMTP sink. It is refused when
/// submitted (field by field, nothing stored), re-checked when a later import arrives (the run held, a run in flight
/// halted, the public page withdrawn, the history told without the data), and re-checked when a run starts.
/// </summary>
public sealed class PersonalInformationInContentTests(DevServicesFixture fixture)
{
    private const string Sin = "046 454 286";
    private const string BirthDate = "1961-04-12";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static object ContentWith(string summaryEn, string summaryFr, string? stepEn = null, string? stepFr = null, object? templates = null) => new
    {
        summary = new { en = summaryEn, fr = summaryFr },
        stepsForPerson = new
        {
            en = new[] { stepEn ?? "Watch your accounts for unusual activity." },
            fr = new[] { stepFr ?? "Surveillez vos comptes pour toute activité inhabituelle." },
        },
        templates,
    };

    [Fact]
    public async Task Submit_AThirdPartysSinAndBirthDate_Is400ByField_WithoutTheData_AndNothingIsStoredOrPublished()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var content = ContentWith(
            $"A file about Bartholomew Quince, born {BirthDate}, SIN {Sin}, was emailed to the wrong office.",
            $"Un dossier sur Bartholomew Quince, né le {BirthDate}, NAS {Sin}, a été envoyé au mauvais bureau.",
            stepEn: "If you are Mr. Quince, call 604-555-0187.",
            stepFr: "Si vous êtes M. Quince, appelez le 604-555-0187.");

        var submitted = await officer.PostAsJsonAsync($"/api/incidents/{id}/notices/content", content, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, submitted.StatusCode);
        var body = await submitted.Content.ReadAsStringAsync(_ct);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        foreach (var field in new[] { "summary.en", "summary.fr" })
        {
            var kinds = errors.GetProperty(field).EnumerateArray().Select(e => e.GetString()!.Split(':')[0]).Order().ToList();
            Assert.Equal(["birth-date", "sin"], kinds);
        }

        Assert.StartsWith("phone:", errors.GetProperty("stepsForPerson.en[0]")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("phone:", errors.GetProperty("stepsForPerson.fr[0]")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Sin, body, StringComparison.Ordinal);
        // A piece of the SIN must not show either; the problem's random trace id is no part of what the officer typed.
        Assert.DoesNotContain("454", Regex.Replace(body, "\"traceId\":\"[^\"]*\"", ""), StringComparison.Ordinal);
        Assert.DoesNotContain(BirthDate, body, StringComparison.Ordinal);
        Assert.DoesNotContain("555-0187", body, StringComparison.Ordinal);

        var history = (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct)).EnumerateArray();
        Assert.DoesNotContain(history, e => e.GetProperty("type").GetString() == "notice-content-submitted");
        Assert.Equal(HttpStatusCode.Conflict, (await app.ClientAs(Roles.Approver).PostAsync($"/api/incidents/{id}/notices/approve", null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/public/notices/{id}", _ct)).StatusCode);
    }

    [Fact]
    public async Task Submit_ThePeopleOfTheImport_AndOtherContactsInTheOfficesTemplates_Is400ByField()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = NoticeScenario.People(app.Prefix, 6);
        await NoticeScenario.ImportAsync(officer, id, people, _ct);
        var named = people[3];
        var defaults = await app.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>("/api/notices/templates/default", _ct);
        string Part(string language, string part) => defaults.GetProperty(language).GetProperty(part).GetString()!;
        var templates = new
        {
            en = new { subject = Part("en", "subject"), body = "Questions? Write to pat.clerk@example.net.\n\n" + Part("en", "body") },
            fr = new { subject = Part("fr", "subject"), body = Part("fr", "body") },
        };
        var content = ContentWith(
            "A report listing clients was emailed to the wrong distribution list.",
            $"Un rapport sur {named.Given.ToUpperInvariant()} {named.Family} a été envoyé à la mauvaise liste.",
            stepEn: "Client 880002 should call us. Questions? privacy.office@example.test or 250-555-0142.",
            stepFr: "Le client 880002 doit nous appeler. Questions : privacy.office@example.test ou 250-555-0142.",
            templates: templates);

        var submitted = await officer.PostAsJsonAsync($"/api/incidents/{id}/notices/content", content, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, submitted.StatusCode);
        var body = await submitted.Content.ReadAsStringAsync(_ct);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        var fields = errors.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equivalent(new[] { "stepsForPerson.en[0]", "stepsForPerson.fr[0]", "summary.fr", "templates.en.body" },
            fields.Where(f => f.Contains('.', StringComparison.Ordinal)).ToList()); // besides the template checker's own problems
        Assert.DoesNotContain("summary.en", fields);
        Assert.StartsWith("imported-person:", errors.GetProperty("summary.fr")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("identifier:", errors.GetProperty("stepsForPerson.en[0]")[0].GetString(), StringComparison.Ordinal); // the office's own contacts are fine
        Assert.StartsWith("email:", errors.GetProperty("templates.en.body")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(named.Family, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pat.clerk", body, StringComparison.Ordinal);
        var history = (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct)).EnumerateArray();
        Assert.DoesNotContain(history, e => e.GetProperty("type").GetString() == "notice-content-submitted");
    }

    [Fact]
    public async Task ALaterImport_OfAPersonTheApprovedContentNames_HoldsTheRunAndWithdrawsThePublicPage()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = NoticeScenario.People(app.Prefix, 6);
        var named = people[2];
        var content = ContentWith(
            $"A letter for {named.Given} {named.Family} was sent to other clients.",
            $"Une lettre pour {named.Given} {named.Family} a été envoyée à d'autres clients.");
        await NoticeScenario.ApproveContentAsync(app, id, content, _ct); // nobody imported yet: nothing to compare with
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/public/notices/{id}", _ct)).StatusCode);

        await NoticeScenario.ImportAsync(officer, id, people, _ct);

        var start = await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct);
        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        var detail = (await start.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("detail").GetString()!;
        Assert.Contains("personal information", detail, StringComparison.Ordinal);
        Assert.Contains("summary.en", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(named.Family, detail, StringComparison.OrdinalIgnoreCase);

        var page = await anonymous.GetAsync($"/api/public/notices/{id}", _ct);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(_ct);
        Assert.Contains("not available", html, StringComparison.Ordinal);
        Assert.DoesNotContain(named.Family, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sent to other clients", html, StringComparison.Ordinal);

        var historyText = await officer.GetStringAsync($"/api/incidents/{id}/history", _ct);
        var held = Assert.Single(JsonDocument.Parse(historyText).RootElement.EnumerateArray(), e => e.GetProperty("type").GetString() == "notice-content-held");
        var findings = held.GetProperty("event").GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("target").GetString()} {f.GetProperty("field").GetString()} {f.GetProperty("kind").GetString()}").Order(StringComparer.Ordinal);
        Assert.Equal(["approved summary.en imported-person", "approved summary.fr imported-person", "submitted summary.en imported-person",
            "submitted summary.fr imported-person"], findings);
        Assert.DoesNotContain(named.Family, held.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Conflict, (await app.ClientAs(Roles.Approver).PostAsync($"/api/incidents/{id}/notices/approve", null, _ct)).StatusCode);

        // Content rewritten without the name is accepted, approved, and notices go out.
        await NoticeScenario.ApproveContentAsync(app, id, NoticeScenario.Content, _ct);
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/public/notices/{id}", _ct)).StatusCode);
    }

    [Fact]
    public async Task ALaterImport_DuringARun_HaltsIt_AndResumeIsRefused()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var first = NoticeScenario.People(app.Prefix, 150);
        var named = first[149];
        var everyoneButNamed = first.Take(149).ToList();
        await NoticeScenario.ImportAsync(officer, id, everyoneButNamed, _ct);
        var content = ContentWith(
            $"A letter for {named.Given} {named.Family} was sent to other clients.",
            $"Une lettre pour {named.Given} {named.Family} a été envoyée à d'autres clients.");
        await NoticeScenario.ApproveContentAsync(app, id, content, _ct);
        await RunDriver.LeaveQuotaAsync(app, 100, _ct); // the canary, then the rest waits for the next minute
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        await RunDriver.CanaryDoneAsync(app, id, _ct); // the canary: 100 people

        await NoticeScenario.ImportAsync(officer, id, first, _ct); // the corrected list, with the person the text names
        app.Clock.Advance(TimeSpan.FromSeconds(5)); // past the halt flag's cache
        await RunDriver.SettleAsync(app, id, _ct);

        var progress = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct);
        Assert.True(progress.GetProperty("halted").GetBoolean());
        Assert.Equal(100, progress.GetProperty("sent").GetInt64());
        var resume = await officer.PostAsync($"/api/incidents/{id}/notification/resume", null, _ct);
        Assert.Equal(HttpStatusCode.Conflict, resume.StatusCode);
        Assert.Contains("personal information", (await resume.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var history = (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct)).EnumerateArray();
        var held = Assert.Single(history, e => e.GetProperty("type").GetString() == "notice-content-held");
        Assert.Contains(held.GetProperty("event").GetProperty("findings").EnumerateArray(), f => f.GetProperty("target").GetString() == "run");
        var inbox = await fixture.Services.Mail.AllAsync(_ct);
        Assert.Equal(100, inbox.Count(m => m.To.Any(t => first.Any(p => string.Equals(p.Email, t.Address, StringComparison.OrdinalIgnoreCase)))));
    }

    [Fact]
    public async Task ContentStoredBeforeTheCheck_IsRefusedAtStart_AndNotPublished()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        await NoticeScenario.ImportAsync(officer, id, NoticeScenario.People(app.Prefix, 3), _ct);

        // Content recorded around the endpoint (as before this check existed): straight through the engine.
        var legacy = new NoticeContentSubmitted(
            new LocalizedText($"A file with the SIN {Sin} was misdirected.", $"Un dossier avec le NAS {Sin} a été mal acheminé."),
            new LocalizedList(["Watch your accounts."], ["Surveillez vos comptes."]), Infrastructure.Notices.NoticeTemplateSet.Default.Version)
        { EventId = "legacy-content" };
        await app.RecordAsync(id, legacy, Actor.Activity("test"));
        (await app.ClientAs(Roles.Approver).PostAsync($"/api/incidents/{id}/notices/approve", null, _ct)).EnsureSuccessStatusCode();

        var page = await app.CreateClient().GetAsync($"/api/public/notices/{id}", _ct);
        var start = await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(Sin, await page.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/incidents/{id}/notification", _ct)).StatusCode); // no run
        var history = (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct)).EnumerateArray();
        var held = Assert.Single(history, e => e.GetProperty("type").GetString() == "notice-content-held");
        Assert.All(held.GetProperty("event").GetProperty("findings").EnumerateArray(), f => Assert.Equal("sin", f.GetProperty("kind").GetString()));
    }
}
