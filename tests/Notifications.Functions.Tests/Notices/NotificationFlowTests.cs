using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Functions.Access;
using Notifications.Functions.Notices;
using Notifications.Functions.Tests.Incidents;
using Notifications.TestKit;
using Notifications.TestKit.FanOut;

namespace Notifications.Functions.Tests.Notices;

/// <summary>
/// The notices through the API, on real Azurite and a real SMTP sink: content submitted and approved, the fan-out
/// started (canary, then the rest), every person emailed once at their own address in their language, completion
/// recorded in the history and in the Commissioner's report draft.
/// </summary>
public sealed class NotificationFlowTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Notices_FromContentToComplete()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var approver = app.ClientAs(Roles.Approver);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = NoticeScenario.People(app.Prefix, 150);
        await NoticeScenario.ImportAsync(officer, id, people, _ct);

        var invalid = await officer.PostAsJsonAsync($"/api/incidents/{id}/notices/content", new { summary = new { en = "Only English." } }, _ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("summary.fr", out _));
        Assert.True(errors.TryGetProperty("stepsForPerson.en", out _));

        (await officer.PostAsJsonAsync($"/api/incidents/{id}/notices/content", NoticeScenario.Content, _ct)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).StatusCode); // not approved
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/api/incidents/{id}/notices/approve", null, _ct)).StatusCode);
        (await approver.PostAsync($"/api/incidents/{id}/notices/approve", null, _ct)).EnsureSuccessStatusCode();

        var started = await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct);
        started.EnsureSuccessStatusCode();
        var run = await started.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal(2, run.GetProperty("batches").GetInt32());
        Assert.Equal(1, run.GetProperty("batchesReleased").GetInt32()); // the canary alone first
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode(); // idempotent

        // The canary, then the rest it released.
        Assert.Equal(2, (await RunDriver.SettleAsync(app, id, _ct)).BatchCalls);

        await AssertEachEmailedOnceAsync(people);
        var progress = await app.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct);
        Assert.True(progress.GetProperty("isComplete").GetBoolean());
        Assert.Equal(150, progress.GetProperty("sent").GetInt64());

        var history = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct);
        var completed = Assert.Single(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "notices-completed");
        Assert.Equal(150, completed.GetProperty("event").GetProperty("counts").GetProperty("direct").GetInt32());
        var report = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/commissioner-report", _ct);
        Assert.Contains("notified directly: 150", report.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Notices_AboutAPersonInAGuardiansCare_GoToTheGuardian_AndSpeakToTheGuardianOfThePersonInTheirCare()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var (guardianEn, guardianFr, adult) = ($"guardian.en.{app.Prefix}@example.test", $"guardian.fr.{app.Prefix}@example.test", $"adult.{app.Prefix}@example.test");
        var csv = FanOutCsv.Header + "\n"
            + $"C-410001,Mikaeli,Okafortest,,,en,BC,client:7700401,{guardianEn},,\n"
            + $"C-410002,Elodine,Roytest,,,fr,BC,client:7700502,{guardianFr},,\n"
            + $"C-410003,Averyl,Tremblaytest,{adult},,en,BC,client:7700103,,,";
        (await officer.PostAsync($"/api/incidents/{id}/recipients", new StringContent(csv, Encoding.UTF8, "text/csv"), _ct)).EnsureSuccessStatusCode();
        await NoticeScenario.ApproveContentAsync(app, id, NoticeScenario.Content, _ct);
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        await RunDriver.SettleAsync(app, id, _ct);

        var inbox = await fixture.Services.Mail.WaitForAsync(all => new[] { guardianEn, guardianFr, adult }.All(a => all.Any(m => m.To.Any(t => t.Address == a))), ct: _ct);
        ReceivedMail To(string address) => Assert.Single(inbox, m => m.To.Any(t => t.Address == address));
        var (en, fr) = (To(guardianEn), To(guardianFr));
        Assert.All(new[] { en, fr }, m => Assert.True(string.IsNullOrEmpty(Assert.Single(m.To).Name), "a guardian's address carries no child's name"));
        Assert.StartsWith("To the parent or guardian,", en.Text!.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("parent or guardian of Mikaeli Okafortest", en.Text, StringComparison.Ordinal);
        Assert.Contains("the personal information of the person in your care", en.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dear Mikaeli", en.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("your personal information", en.Text, StringComparison.Ordinal);
        Assert.StartsWith("Au parent ou tuteur,", fr.Text!.TrimStart(), StringComparison.Ordinal);
        Assert.StartsWith("Avis d'atteinte", fr.Subject, StringComparison.Ordinal);
        Assert.Contains("de la personne dont vous avez la charge", fr.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bonjour Elodine", fr.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("vos renseignements personnels", fr.Text, StringComparison.Ordinal);
        Assert.All(new[] { en, fr }, m => Assert.DoesNotContain("77005", m.Text!, StringComparison.Ordinal));
        var own = To(adult);
        Assert.Equal("Averyl Tremblaytest", Assert.Single(own.To).Name);
        Assert.StartsWith("Dear Averyl Tremblaytest,", own.Text!.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("involved your personal information", own.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notices_ToAGuardianTheFileNames_AreAddressedToTheGuardianByName_InTheRowsLanguage()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var (guardianEn, guardianFr) = ($"named.en.{app.Prefix}@example.test", $"named.fr.{app.Prefix}@example.test");
        var csv = FanOutCsv.Header + ",guardian_name\n"
            + $"C-420001,Mikaeli,Okafortest,,,en,BC,client:7700401,{guardianEn},,,Chrisander Okaforparent\n"
            + $"C-420002,Elodine,Roytest,,,fr,BC,client:7700502,{guardianFr},,,\"Sophienne Royparent\"";
        (await officer.PostAsync($"/api/incidents/{id}/recipients", new StringContent(csv, Encoding.UTF8, "text/csv"), _ct)).EnsureSuccessStatusCode();
        await NoticeScenario.ApproveContentAsync(app, id, NoticeScenario.Content, _ct);
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        await RunDriver.SettleAsync(app, id, _ct);

        var inbox = await fixture.Services.Mail.WaitForAsync(all => new[] { guardianEn, guardianFr }.All(a => all.Any(m => m.To.Any(t => t.Address == a))), ct: _ct);
        var en = Assert.Single(inbox, m => m.To.Any(t => t.Address == guardianEn));
        var fr = Assert.Single(inbox, m => m.To.Any(t => t.Address == guardianFr));
        Assert.Equal(("Chrisander Okaforparent", "Sophienne Royparent"), (Assert.Single(en.To).Name, Assert.Single(fr.To).Name));
        Assert.StartsWith("Dear Chrisander Okaforparent,", en.Text!.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("You can take these steps for the person in your care:", en.Text, StringComparison.Ordinal);
        Assert.StartsWith("Bonjour Sophienne Royparent,", fr.Text!.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("parent ou tuteur de Elodine Roytest", fr.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Okaforparent", fr.Text, StringComparison.Ordinal);
        var progress = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct);
        Assert.Equal(2, progress.GetProperty("sent").GetInt64());
    }

    [Fact]
    public async Task Notification_HaltedThenResumed_SendsEveryoneOnce()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = NoticeScenario.People(app.Prefix, 12);
        await NoticeScenario.ImportAsync(officer, id, people, _ct);
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/notices/content", NoticeScenario.Content, _ct)).EnsureSuccessStatusCode();
        (await app.ClientAs(Roles.Approver).PostAsync($"/api/incidents/{id}/notices/approve", null, _ct)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsync($"/api/incidents/{id}/notification/halt", null, _ct)).StatusCode); // no run yet
        await RunDriver.LeaveQuotaAsync(app, 0, _ct); // nothing goes out until the test's clock moves on a minute
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();

        (await officer.PostAsync($"/api/incidents/{id}/notification/halt", null, _ct)).EnsureSuccessStatusCode();
        var settled = await RunDriver.SettleAsync(app, id, _ct);
        Assert.Equal(RunPhase.Halted, settled.Status?.Phase);
        var halted = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct);
        Assert.True(halted.GetProperty("halted").GetBoolean());
        Assert.Equal(0, halted.GetProperty("sent").GetInt64());

        app.Clock.Advance(TimeSpan.FromMinutes(1)); // the quota has room again, but the run stays halted until resumed
        var resumed = await officer.PostAsync($"/api/incidents/{id}/notification/resume", null, _ct);
        resumed.EnsureSuccessStatusCode();
        Assert.Equal(1, (await resumed.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("batchesRequeued").GetInt32());
        await RunDriver.WaitAsync(app, id, s => s.Completed, _ct);

        await AssertEachEmailedOnceAsync(people);
        var done = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct);
        Assert.True(done.GetProperty("isComplete").GetBoolean());
        var history = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct);
        Assert.Single(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "notices-completed");
        await Incidents.IncidentHistory.WaitForAsync(officer, id, "notification-resumed", _ct);
        history = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct);
        // Who launched the mailing, who halted and who resumed it, and when (issue 14 item 5).
        foreach (var type in new[] { "notification-started", "notification-halted", "notification-resumed" })
        {
            var entry = Assert.Single(history.EnumerateArray(), e => e.GetProperty("type").GetString() == type);
            Assert.Equal(JsonValueKind.String, entry.GetProperty("actor").GetProperty("id").ValueKind);
            Assert.Equal("PrivacyOfficer", entry.GetProperty("actor").GetProperty("role").GetString());
        }
    }

    [Fact]
    public async Task Notification_RunInstanceTerminatedByAnOperator_ResumeStartsItAgain_AndSendsEveryoneOnce()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = NoticeScenario.People(app.Prefix, 12);
        await NoticeScenario.ImportAsync(officer, id, people, _ct);
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/notices/content", NoticeScenario.Content, _ct)).EnsureSuccessStatusCode();
        (await app.ClientAs(Roles.Approver).PostAsync($"/api/incidents/{id}/notices/approve", null, _ct)).EnsureSuccessStatusCode();
        await RunDriver.LeaveQuotaAsync(app, 0, _ct); // the run waits for quota: nothing goes out yet
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        var waiting = await RunDriver.WaitAsync(app, id, s => s.Status?.WaitingUntil is not null, _ct);
        Assert.Equal(RunPhase.Canary, waiting.Status!.Phase);

        // As docs/operations.md has an operator do with a failed run: the instance goes, the fanout table stays.
        var durable = app.Services.GetRequiredService<DurableTaskClient>();
        var instanceId = NotificationRunNames.InstanceId(id, waiting.Progress!.Value.GetProperty("runId").GetString()!);
        await durable.TerminateInstanceAsync(instanceId, "test: an operator ends a failed run", _ct);
        await durable.WaitForInstanceCompletionAsync(instanceId, _ct);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await officer.PostAsync($"/api/incidents/{id}/notification/resume", null, _ct)).EnsureSuccessStatusCode();
        await RunDriver.WaitAsync(app, id, s => s.Completed, _ct);

        await AssertEachEmailedOnceAsync(people);
        var done = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct);
        Assert.True(done.GetProperty("isComplete").GetBoolean());
        Assert.Equal(12, done.GetProperty("sent").GetInt64());
    }

    [Fact]
    public async Task Notices_RenderTheTextPinnedAtStart_EvenAfterAContainmentStepIsDoneMidRun()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = NoticeScenario.People(app.Prefix, 150);
        await NoticeScenario.ImportAsync(officer, id, people, _ct);
        await NoticeScenario.ApproveContentAsync(app, id, NoticeScenario.Content, _ct);
        await RunDriver.LeaveQuotaAsync(app, 100, _ct); // the canary, then the rest waits for the next minute
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        await RunDriver.CanaryDoneAsync(app, id, _ct); // the canary

        var incident = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", _ct);
        var task = incident.GetProperty("tasks").EnumerateArray().First(t => t.GetProperty("kind").GetString() == "manual" && !t.GetProperty("done").GetBoolean());
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/containment/tasks/{task.GetProperty("taskId").GetString()}/complete",
            new { note = "Done mid-run." }, _ct)).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // past any cache of the incident
        await RunDriver.SettleAsync(app, id, _ct);

        await AssertEachEmailedOnceAsync(people);
        var inbox = await fixture.Services.Mail.AllAsync(_ct);
        foreach (var language in new[] { "en", "fr" })
        {
            // Without the person's own name, every notice in a language is the same text: the one pinned at the start.
            var texts = people.Where(p => p.Language == language).Select(p =>
            {
                var mail = inbox.Single(m => m.To.Any(t => string.Equals(t.Address, p.Email, StringComparison.OrdinalIgnoreCase)));
                return mail.Text!.Replace(p.Given, "", StringComparison.Ordinal).Replace(p.Family, "", StringComparison.Ordinal);
            }).Distinct().ToList();
            Assert.Single(texts);
        }
    }

    [Fact]
    public async Task Notices_WhoseContainmentStepNamesAnotherPerson_AreBlocked_AndCompletionIsNotRecorded()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = NoticeScenario.People(app.Prefix, 12);
        await NoticeScenario.ImportAsync(officer, id, people, _ct);
        var named = people[1];

        // The notice content cannot name anyone of the import (PersonalInformationInContentTests); a containment step's
        // title is listed in every notice too, and the per-notice linter is what guards it.
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/containment/tasks",
            new { title = $"Ask {named.Given} {named.Family} to delete the copy", owner = "PrivacyOfficer", dueAt = DateTimeOffset.UtcNow.AddDays(2) }, _ct))
            .EnsureSuccessStatusCode();
        await NoticeScenario.ApproveContentAsync(app, id, NoticeScenario.Content, _ct);
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();

        Assert.Equal(1, (await RunDriver.SettleAsync(app, id, _ct)).BatchCalls);

        var progress = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct);
        Assert.Equal(1, progress.GetProperty("sent").GetInt64()); // only the person named, about themselves
        Assert.Equal(11, progress.GetProperty("blocked").GetInt64());
        await fixture.Services.Mail.WaitForAsync(all => all.Any(m => m.To.Any(t => t.Address == named.Email)), ct: _ct);
        var inbox = await fixture.Services.Mail.AllAsync(_ct);
        Assert.DoesNotContain(inbox, m => m.To.Any(t => people.Any(p => p != named && string.Equals(p.Email, t.Address, StringComparison.OrdinalIgnoreCase))));
        var history = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct);
        Assert.DoesNotContain(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "notices-completed");
    }

    private async Task AssertEachEmailedOnceAsync(List<NoticeScenario.Person> people)
    {
        var addresses = people.Select(p => p.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var inbox = await fixture.Services.Mail.WaitForAsync(
            all => addresses.All(a => all.Any(m => m.To.Any(t => string.Equals(t.Address, a, StringComparison.OrdinalIgnoreCase)))), ct: _ct);
        var ours = inbox.Where(m => m.To.Any(t => addresses.Contains(t.Address))).ToList();
        Assert.Equal(people.Count, ours.Count);
        foreach (var person in people)
        {
            var mail = Assert.Single(ours, m => m.To.Any(t => string.Equals(t.Address, person.Email, StringComparison.OrdinalIgnoreCase)));
            Assert.Single(mail.To);
            Assert.Contains($"{person.Given} {person.Family}", mail.Body, StringComparison.Ordinal);
            Assert.StartsWith(person.Language == "fr" ? "Bonjour" : "Dear", mail.Text!.TrimStart(), StringComparison.Ordinal);
            Assert.DoesNotContain(people, other => other != person && (mail.Body.Contains(other.Given, StringComparison.OrdinalIgnoreCase)
                || mail.Body.Contains(other.Email, StringComparison.OrdinalIgnoreCase)));
        }
    }

    [Fact]
    public async Task PublicNotice_AfterApproval_IsAnonymousBilingualAndCarriesNoPersonalInformation()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var anonymous = app.CreateClient();
        var before = await anonymous.GetAsync($"/api/public/notices/{id}", _ct);
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/notices/content", NoticeScenario.Content, _ct)).EnsureSuccessStatusCode();
        (await app.ClientAs(Roles.Approver).PostAsync($"/api/incidents/{id}/notices/approve", null, _ct)).EnsureSuccessStatusCode();

        var page = await anonymous.GetAsync($"/api/public/notices/{id}", _ct);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync(_ct);
        Assert.Contains("lang=\"fr\"", html, StringComparison.Ordinal);
        Assert.Contains("Ministry of Examples", html, StringComparison.Ordinal);
        Assert.Contains("mauvaise liste de distribution", html, StringComparison.Ordinal);
        foreach (var personal in new[] { IncidentRequests.ReporterName, IncidentRequests.ReporterEmail, IncidentRequests.ReporterPhone, IncidentRequests.Description })
        {
            Assert.DoesNotContain(personal, html, StringComparison.OrdinalIgnoreCase);
        }
    }
}
