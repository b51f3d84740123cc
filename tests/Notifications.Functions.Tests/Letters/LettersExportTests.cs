using System.Net.Http.Json;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Domain.Incidents;
using Notifications.Domain.Policy;
using Notifications.Functions.Access;
using Notifications.Functions.Assessment;
using Notifications.Functions.Letters;
using Notifications.Functions.Notices;
using Notifications.Functions.Tests.Incidents;
using Notifications.Functions.Tests.Notices;
using Notifications.Infrastructure.Workflow;
using Notifications.TestKit;
using static Notifications.Functions.Tests.Letters.LetterPeople;

namespace Notifications.Functions.Tests.Letters;

/// <summary>
/// The letters export through the API, on real Azurite: exactly the letter people, each with their own name, address
/// and language; markup escaped in the printable file; blocked letters left out and listed; refusals as problem
/// details; the export recorded once in the history; completion waiting for the letters.
/// </summary>
public sealed class LettersExportTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task CsvExport_HasExactlyTheLetterPeople_EachWithTheirOwnNameAddressAndLanguage()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = Mixed(app.Prefix, email: 3, letters: 4);
        await ImportAsync(officer, id, people, _ct);
        await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);

        var response = await officer.GetAsync($"/api/incidents/{id}/letters", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"letters-{id}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl?.NoStore);
        var bytes = await response.Content.ReadAsByteArrayAsync(_ct);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(sha256, Header(response, LettersEndpoints.Sha256Header));
        Assert.Equal("4", Header(response, LettersEndpoints.CountHeader));
        Assert.Equal("0", Header(response, LettersEndpoints.BlockedHeader));

        var rows = await ReadCsvAsync(bytes);
        var letterPeople = people.Where(p => p.GetsALetter).ToList();
        Assert.Equal(4, letterPeople.Count);
        Assert.Equal(letterPeople.Select(p => p.Id), rows.Select(r => r["PersonId"]));
        foreach (var person in letterPeople)
        {
            var row = rows.Single(r => r["PersonId"] == person.Id);
            Assert.Equal((person.Given, person.Family, person.Address, person.Language), (row["GivenName"], row["FamilyName"], row["AddressLines"], row["Language"]));
            Assert.StartsWith(person.Language == "fr" ? $"Bonjour {person.Given} {person.Family}" : $"Dear {person.Given} {person.Family}", row["Body"], StringComparison.Ordinal);
            Assert.Contains(person.Language == "fr" ? "posté à la mauvaise adresse" : "mailed to the wrong address", row["Body"], StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(row["Subject"]));
            var others = string.Join("\n", row.Values);
            foreach (var other in people.Where(p => p != person).SelectMany(p => p.Values()))
            {
                Assert.DoesNotContain(other, others, StringComparison.OrdinalIgnoreCase);
            }
        }

        var text = Encoding.UTF8.GetString(bytes);
        foreach (var notALetter in people.Where(p => !p.GetsALetter))
        {
            Assert.DoesNotContain(notALetter.Id, text, StringComparison.Ordinal);
            Assert.DoesNotContain(notALetter.Given, text, StringComparison.Ordinal);
        }

        var recorded = Assert.Single(await HistoryAsync(officer, id, "letters-exported", _ct)).GetProperty("event");
        Assert.Equal((4, 0, sha256, "csv"), (recorded.GetProperty("letters").GetInt32(), recorded.GetProperty("blocked").GetInt32(),
            recorded.GetProperty("sha256").GetString(), recorded.GetProperty("format").GetString()));
        foreach (var value in people.SelectMany(p => p.Values()))
        {
            Assert.DoesNotContain(value, recorded.ToString(), StringComparison.OrdinalIgnoreCase); // counts and a hash, not letters
        }

        var incident = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", _ct);
        Assert.Equal(4, incident.GetProperty("lettersExport").GetProperty("letters").GetInt32());
    }

    [Fact]
    public async Task CsvExport_Repeated_IsTheSameFile_AndIsRecordedOnce()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        await ImportAsync(officer, id, Mixed(app.Prefix, email: 1, letters: 2), _ct);
        await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);

        var first = await officer.GetByteArrayAsync($"/api/incidents/{id}/letters?format=csv", _ct);
        var second = await officer.GetByteArrayAsync($"/api/incidents/{id}/letters", _ct);
        var html = await officer.GetAsync($"/api/incidents/{id}/letters?format=HTML", _ct);

        Assert.Equal(first, second);
        html.EnsureSuccessStatusCode();
        var recorded = await HistoryAsync(officer, id, "letters-exported", _ct);
        Assert.Equal(["csv", "html"], recorded.Select(e => e.GetProperty("event").GetProperty("format").GetString()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(first)), recorded[0].GetProperty("event").GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task HtmlExport_OneLetterPerPage_WithMarkupInNamesAndAddressesEscaped()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = new List<LetterPerson>
        {
            new(2, "L-500001", "<b>Zoé</b>", "O'Brien & <script>alert(1)</script>", null, "12 <i>Fictional</i> Street\nVictoria BC V8V 0A1", "fr"),
            new(4, "L-500002", "Givenplain", "Familyplain", null, "9 Sample Road, Whitehorse YT Y1A 0A3", "en"),
            new(5, "L-500003", "Givenmail", "Familymail", $"mail.{app.Prefix}@example.test", null, "en"),
        };
        await ImportAsync(officer, id, people, _ct);
        await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);

        var response = await officer.GetAsync($"/api/incidents/{id}/letters?format=html", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"letters-{id}.html", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var html = await response.Content.ReadAsStringAsync(_ct);
        Assert.Contains("page-break-after: always", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<article class=\"letter\"").Length - 1);
        Assert.Contains("<article class=\"letter\" lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("<article class=\"letter\" lang=\"en\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Zoé&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("O&#x27;Brien &amp; ", html, StringComparison.Ordinal);
        Assert.Contains("12 &lt;i&gt;Fictional&lt;/i&gt; Street<br>\nVictoria BC V8V 0A1</address>", html, StringComparison.Ordinal);
        Assert.Contains("Bonjour &lt;b&gt;Zoé&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Givenmail", html, StringComparison.Ordinal);
        var recorded = Assert.Single(await HistoryAsync(officer, id, "letters-exported", _ct)).GetProperty("event");
        Assert.Equal("html", recorded.GetProperty("format").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html))), recorded.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task CsvExport_AFieldThatASpreadsheetWouldRun_IsEscaped()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        await ImportAsync(officer, id, [new(2, "L-600001", "=HYPERLINK(\"http://x.test\")", "Familyformula", null, "1 Sample Road, Victoria BC", "en")], _ct);
        await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);

        var rows = await ReadCsvAsync(await officer.GetByteArrayAsync($"/api/incidents/{id}/letters", _ct));

        Assert.Equal("'=HYPERLINK(\"http://x.test\")", Assert.Single(rows)["GivenName"]);
    }

    [Fact]
    public async Task BlockedLetter_IsNotExported_AndIsListedByLineAndCodeOnly()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = Mixed(app.Prefix, email: 1, letters: 3);
        await ImportAsync(officer, id, people, _ct);
        var named = people.First(p => p.GetsALetter);

        // A containment step's title is in every letter; the notice content itself cannot name anyone of the import.
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/containment/tasks",
            new { title = $"Ask {named.Given} {named.Family} to return the letter", owner = "PrivacyOfficer", dueAt = DateTimeOffset.UtcNow.AddDays(2) }, _ct))
            .EnsureSuccessStatusCode();
        await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);
        var blocked = people.Where(p => p.GetsALetter && p != named).ToList();

        var response = await officer.GetAsync($"/api/incidents/{id}/letters", _ct);
        var listed = await officer.GetAsync($"/api/incidents/{id}/letters/blocked", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("1", "2"), (Header(response, LettersEndpoints.CountHeader), Header(response, LettersEndpoints.BlockedHeader)));
        var rows = await ReadCsvAsync(await response.Content.ReadAsByteArrayAsync(_ct));
        Assert.Equal([named.Id], rows.Select(r => r["PersonId"]));

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var list = await listed.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal((1, 2), (list.GetProperty("letters").GetInt32(), list.GetProperty("blocked").GetInt32()));
        Assert.Equal(blocked.Select(p => (long)p.Line), list.GetProperty("people").EnumerateArray().Select(b => b.GetProperty("line").GetInt64()));
        Assert.All(list.GetProperty("people").EnumerateArray(), b => Assert.Equal("other-person", b.GetProperty("code").GetString()));
        var listText = list.ToString();
        foreach (var value in people.SelectMany(p => p.Values()))
        {
            Assert.DoesNotContain(value, listText, StringComparison.OrdinalIgnoreCase);
        }

        var recorded = Assert.Single(await HistoryAsync(officer, id, "letters-exported", _ct)).GetProperty("event");
        Assert.Equal((1, 2), (recorded.GetProperty("letters").GetInt32(), recorded.GetProperty("blocked").GetInt32()));
        Assert.Equal(2, recorded.GetProperty("blockedByCode").GetProperty("other-person").GetInt32());
    }

    [Fact]
    public async Task Refusals_AreProblemDetails()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var open = await officer.CreateIncidentAsync(_ct);
        await officer.WaitForAsync(open, "assessment-proposed", _ct); // assessed, no decision: open
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);

        await AssertProblemAsync(officer, "/api/incidents/no-such-incident/letters", HttpStatusCode.NotFound);
        await AssertProblemAsync(officer, $"/api/incidents/{id}/letters?format=pdf", HttpStatusCode.BadRequest, "format");
        await AssertProblemAsync(officer, $"/api/incidents/{open}/letters", HttpStatusCode.Conflict, "significant harm");
        await AssertProblemAsync(officer, $"/api/incidents/{id}/letters", HttpStatusCode.Conflict, "Import");

        await ImportAsync(officer, id, Mixed(app.Prefix, email: 1, letters: 1), _ct);
        await AssertProblemAsync(officer, $"/api/incidents/{id}/letters", HttpStatusCode.Conflict, "approved");
        await AssertProblemAsync(officer, $"/api/incidents/{id}/letters/blocked", HttpStatusCode.Conflict, "approved");

        // Content approved for other templates than the deployed ones.
        await app.RecordAsync(id, new NoticeContentSubmitted(new LocalizedText("Old.", "Ancien."), new(["Watch."], ["Surveillez."]), "old-templates")
            { EventId = "old-content" }, new Actor("test-officer", Roles.PrivacyOfficer));
        await app.RecordAsync(id, new NoticeContentApproved("old-templates") { EventId = "old-approval" }, new Actor("test-approver", Roles.Approver));
        await AssertProblemAsync(officer, $"/api/incidents/{id}/letters", HttpStatusCode.Conflict, "templates");

        // Approved, but nobody in the import is to get a letter.
        var emailOnly = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        await ImportAsync(officer, emailOnly, Mixed(app.Prefix, email: 2, letters: 0).Where(p => p.Email is not null), _ct);
        await NoticeScenario.ApproveContentAsync(app, emailOnly, Content, _ct);
        await AssertProblemAsync(officer, $"/api/incidents/{emailOnly}/letters", HttpStatusCode.Conflict, "letter");

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(Roles.Auditor).GetAsync($"/api/incidents/{emailOnly}/letters", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientAs(null).GetAsync($"/api/incidents/{emailOnly}/letters", _ct)).StatusCode);
        Assert.Empty(await HistoryAsync(officer, id, "letters-exported", _ct));
    }

    [Fact]
    public async Task Completion_FanOutFirst_WaitsForTheLettersExport()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        await ImportAsync(officer, id, Mixed(app.Prefix, email: 3, letters: 2), _ct);
        await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        Assert.Equal(1, (await RunDriver.SettleAsync(app, id, _ct)).BatchCalls);
        var progress = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct);
        Assert.True(progress.GetProperty("isComplete").GetBoolean());
        Assert.Empty(await HistoryAsync(officer, id, "notices-completed", _ct)); // held for the letters

        (await officer.GetAsync($"/api/incidents/{id}/letters", _ct)).EnsureSuccessStatusCode();

        var completed = Assert.Single(await HistoryAsync(officer, id, "notices-completed", _ct));
        Assert.Equal("system:export-letters", completed.GetProperty("actor").GetProperty("id").GetString());
        var counts = completed.GetProperty("event").GetProperty("counts");
        Assert.Equal((3, 2, 1, 1), (counts.GetProperty("direct").GetInt32(), counts.GetProperty("letters").GetInt32(),
            counts.GetProperty("indirect").GetInt32(), counts.GetProperty("withheld").GetInt32()));
    }

    [Fact]
    public async Task Letters_AfterTheNoticesAreComplete_CanBeExportedAgainUntilThePurge_EachRecordedByItsHash_AndCompletionStands()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        await ImportAsync(officer, id, Mixed(app.Prefix, email: 1, letters: 2), _ct);
        await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        await RunDriver.SettleAsync(app, id, _ct);
        var first = await officer.GetAsync($"/api/incidents/{id}/letters", _ct);
        var completed = Assert.Single(await HistoryAsync(officer, id, "notices-completed", _ct));

        // The file was lost: the same file again, twice, and the printable version.
        var again = await officer.GetAsync($"/api/incidents/{id}/letters", _ct);
        var twice = await officer.GetAsync($"/api/incidents/{id}/letters", _ct);
        var html = await officer.GetAsync($"/api/incidents/{id}/letters?format=html", _ct);

        Assert.All(new[] { again, twice, html }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(_ct), await again.Content.ReadAsByteArrayAsync(_ct));
        Assert.Equal("2", Header(html, LettersEndpoints.CountHeader));
        var reexports = await HistoryAsync(officer, id, "letters-reexported", _ct);
        Assert.Equal([Header(again, LettersEndpoints.Sha256Header), Header(twice, LettersEndpoints.Sha256Header), Header(html, LettersEndpoints.Sha256Header)],
            reexports.Select(e => e.GetProperty("event").GetProperty("sha256").GetString()));
        Assert.All(reexports, e => Assert.Equal("test-privacyofficer", e.GetProperty("actor").GetProperty("id").GetString()));
        Assert.Equal(Header(first, LettersEndpoints.Sha256Header), Assert.Single(await HistoryAsync(officer, id, "letters-exported", _ct))
            .GetProperty("event").GetProperty("sha256").GetString());
        var stillCompleted = Assert.Single(await HistoryAsync(officer, id, "notices-completed", _ct));
        Assert.Equal(completed.GetProperty("event").GetRawText(), stillCompleted.GetProperty("event").GetRawText());
        Assert.Empty(await HistoryAsync(officer, id, "notice-counts-revised", _ct));

        (await officer.PostAsync($"/api/incidents/{id}/contact-data/purge", null, _ct)).EnsureSuccessStatusCode();
        await AssertProblemAsync(officer, $"/api/incidents/{id}/letters", HttpStatusCode.Conflict, "purged");
        Assert.Equal(3, (await HistoryAsync(officer, id, "letters-reexported", _ct)).Count);
    }

    [Fact]
    public async Task Completion_LettersFirst_IsRecordedByTheLastBatch()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        await ImportAsync(officer, id, Mixed(app.Prefix, email: 2, letters: 3), _ct);
        await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);

        (await officer.GetAsync($"/api/incidents/{id}/letters", _ct)).EnsureSuccessStatusCode();
        Assert.Empty(await HistoryAsync(officer, id, "notices-completed", _ct)); // no emails sent yet

        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        Assert.Equal(1, (await RunDriver.SettleAsync(app, id, _ct)).BatchCalls);

        var counts = Assert.Single(await HistoryAsync(officer, id, "notices-completed", _ct)).GetProperty("event").GetProperty("counts");
        Assert.Equal((2, 3), (counts.GetProperty("direct").GetInt32(), counts.GetProperty("letters").GetInt32()));
    }

    [Fact]
    public async Task Completion_IsHeldWhileTheExportBlocksALetter_AndRecordedOnceAnExportBlocksNone()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = Mixed(app.Prefix, email: 0, letters: 2).Where(p => p.GetsALetter).ToList();
        await ImportAsync(officer, id, people, _ct);
        // Content naming one of them, stored as it could be before the notice content was checked (straight through the
        // engine): the letters linter still blocks the other person's letter.
        var naming = new NoticeContentSubmitted(
            new($"A letter about {people[0].Given} {people[0].Family} was misdirected.", $"Une lettre sur {people[0].Given} {people[0].Family} a été mal dirigée."),
            new(["Watch your accounts."], ["Surveillez vos comptes."]), Infrastructure.Notices.NoticeTemplateSet.Default.Version) { EventId = "content-before-the-check" };
        await app.RecordAsync(id, naming, Actor.Activity("test"));
        (await app.ClientAs(Roles.Approver).PostAsync($"/api/incidents/{id}/notices/approve", null, _ct)).EnsureSuccessStatusCode();

        var blocked = await officer.GetAsync($"/api/incidents/{id}/letters", _ct);
        Assert.Equal("1", Header(blocked, LettersEndpoints.BlockedHeader));
        Assert.Empty(await HistoryAsync(officer, id, "notices-completed", _ct)); // one person has no letter yet

        await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);
        var fixedExport = await officer.GetAsync($"/api/incidents/{id}/letters", _ct);

        Assert.Equal(("2", "0"), (Header(fixedExport, LettersEndpoints.CountHeader), Header(fixedExport, LettersEndpoints.BlockedHeader)));
        Assert.Equal(2, (await HistoryAsync(officer, id, "letters-exported", _ct)).Count);
        var counts = Assert.Single(await HistoryAsync(officer, id, "notices-completed", _ct)).GetProperty("event").GetProperty("counts");
        Assert.Equal((0, 2), (counts.GetProperty("direct").GetInt32(), counts.GetProperty("letters").GetInt32()));
    }

    private async Task AssertProblemAsync(HttpClient client, string url, HttpStatusCode status, string? mentions = null)
    {
        var response = await client.GetAsync(url, _ct);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentType?.MediaType, new[] { "application/problem+json", "application/json" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        if (mentions is not null)
        {
            Assert.Contains(mentions, problem.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Letters_AboutAPersonInAGuardiansCare_AreAddressedToTheGuardian_InCsvAndHtml()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var csv = Notifications.TestKit.FanOut.FanOutCsv.Header + ",guardian_name\n"
            + "L-430001,Mikaeli,Okafortest,,\"12 Fictional Street, Victoria BC V8V 0A1\",fr,BC,client:7700401,,,,Sophienne Okaforparent\n"
            + "L-430002,Averyl,Tremblaytest,,\"9 Sample Road, Whitehorse YT Y1A 0A3\",en,BC,client:7700103,,,,\n"
            + $"L-430003,Jordane,Singhtest,p3.{app.Prefix}@example.test,,en,BC,client:7700203,,,,"; // an email person: the run keeps the incident notifying
        (await officer.PostAsync($"/api/incidents/{id}/recipients", new StringContent(csv, Encoding.UTF8, "text/csv"), _ct)).EnsureSuccessStatusCode();
        await NoticeScenario.ApproveContentAsync(app, id, Content, _ct);

        var rows = await ReadCsvAsync(await officer.GetByteArrayAsync($"/api/incidents/{id}/letters", _ct));
        var html = await officer.GetStringAsync($"/api/incidents/{id}/letters?format=html", _ct);

        var child = rows.Single(r => r["PersonId"] == "L-430001");
        Assert.Equal(("Sophienne Okaforparent", "Mikaeli", "fr"), (child["AddressedTo"], child["GivenName"], child["Language"]));
        Assert.StartsWith("Bonjour Sophienne Okaforparent,", child["Body"], StringComparison.Ordinal);
        Assert.Contains("parent ou tuteur de Mikaeli Okafortest", child["Body"], StringComparison.Ordinal);
        Assert.Contains("dont vous avez la charge", child["Body"], StringComparison.Ordinal);
        var adult = rows.Single(r => r["PersonId"] == "L-430002");
        Assert.Equal("Averyl Tremblaytest", adult["AddressedTo"]);
        Assert.StartsWith("Dear Averyl Tremblaytest,", adult["Body"], StringComparison.Ordinal);
        Assert.Contains("<address>Sophienne Okaforparent<br>", html, StringComparison.Ordinal);
        Assert.Contains("<address>Averyl Tremblaytest<br>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<address>Mikaeli", html, StringComparison.Ordinal);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    private async Task<List<Dictionary<string, string>>> ReadCsvAsync(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]); // a byte-order mark, for spreadsheet imports
        using var reader = CsvReader.Create(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), new CsvReaderOptions { HasHeader = true });
        await reader.ReadHeaderAsync(_ct);
        var header = reader.Headers.ToArray();
        Assert.Equal(LetterCsvWriter.Columns, header);
        var rows = new List<Dictionary<string, string>>();
        while (await reader.ReadAsync(_ct))
        {
            rows.Add(header.Select((h, i) => (h, reader.GetString(i))).ToDictionary(x => x.h, x => x.Item2));
        }

        return rows;
    }
}
