using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Notifications.Functions.Access;
using Notifications.Functions.Tests.Incidents;
using Notifications.TestKit;
using Notifications.TestKit.FanOut;

namespace Notifications.Functions.Tests.Notices;

/// <summary>
/// The preview of one person's notice through the HTTP API, on real Azurite and a real SMTP sink: refused until there is
/// content and an import, rendered by the fan-out's own templates, model and linter (the email sent is the previewed text),
/// for officers and approvers only, and the person named by line or opaque id, never by name or email.
/// </summary>
public sealed class PreviewNoticeTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Preview_OfALineOfTheImport_IsTheEmailTheRunSends_AndTheLetterCarriesTheAddressBlock()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var approver = app.ClientAs(Roles.Approver);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var url = $"/api/incidents/{id}/notices/preview";

        var noContent = await approver.GetAsync(url, _ct);
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/notices/content", NoticeScenario.Content, _ct)).EnsureSuccessStatusCode();
        var noImport = await approver.GetAsync(url, _ct);
        var email = $"avery.{app.Prefix}@example.test";
        var csv = FanOutCsv.Header + "\n"
            + $"P-1,Avery,Tremblay,{email},,en,BC,client:77001,,,\n"
            + "P-2,Sam,Nakamura,,\"9 Sample Road, Whitehorse YT Y1A 0A3\",fr,YT,client:77002,,,\n";
        (await officer.PostAsync($"/api/incidents/{id}/recipients", new StringContent(csv, Encoding.UTF8, "text/csv"), _ct)).EnsureSuccessStatusCode();

        var first = await approver.GetFromJsonAsync<JsonElement>(url, _ct);
        var letter = await officer.GetFromJsonAsync<JsonElement>($"{url}?line=3", _ct);
        var byId = await officer.GetFromJsonAsync<JsonElement>($"{url}?person=P-2", _ct);

        Assert.Equal(HttpStatusCode.Conflict, noContent.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, noImport.StatusCode);
        Assert.Equal(2, first.GetProperty("line").GetInt64());
        Assert.Equal("email", first.GetProperty("channel").GetString());
        Assert.Equal("submitted", first.GetProperty("content").GetString());
        Assert.False(first.GetProperty("blocked").GetBoolean(), first.GetProperty("findings").ToString());
        Assert.Contains("Avery", first.GetProperty("email").GetProperty("body").GetString()!, StringComparison.Ordinal);
        Assert.Contains("wrong distribution list", first.GetProperty("email").GetProperty("body").GetString()!, StringComparison.Ordinal);
        Assert.Equal("letter", letter.GetProperty("channel").GetString());
        Assert.Equal("fr", letter.GetProperty("language").GetString());
        Assert.Contains("mauvaise liste", letter.GetProperty("letter").GetProperty("body").GetString()!, StringComparison.Ordinal);
        Assert.Equal("Sam Nakamura", letter.GetProperty("letter").GetProperty("addressedTo").GetString());
        Assert.Equal("9 Sample Road, Whitehorse YT Y1A 0A3", letter.GetProperty("letter").GetProperty("address")[0].GetString());
        Assert.Equal(letter.GetProperty("letter").GetProperty("body").GetString(), byId.GetProperty("letter").GetProperty("body").GetString());

        // Approved and sent: the email the relay took is the text the preview showed.
        (await approver.PostAsync($"/api/incidents/{id}/notices/approve", null, _ct)).EnsureSuccessStatusCode();
        var approved = await approver.GetFromJsonAsync<JsonElement>($"{url}?line=2&content=approved", _ct);
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        await RunDriver.SettleAsync(app, id, _ct);
        var inbox = await fixture.Services.Mail.WaitForAsync(all => all.Any(m => m.To.Any(t => string.Equals(t.Address, email, StringComparison.OrdinalIgnoreCase))), ct: _ct);
        var mail = Assert.Single(inbox, m => m.To.Any(t => string.Equals(t.Address, email, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(approved.GetProperty("email").GetProperty("subject").GetString(), mail.Subject);
        Assert.Equal(Normalize(approved.GetProperty("email").GetProperty("body").GetString()!), Normalize(mail.Text!));
    }

    [Fact]
    public async Task Preview_IsRefusedToAuditors_AndABadOrUnknownLineIsAProblem()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/notices/content", NoticeScenario.Content, _ct)).EnsureSuccessStatusCode();
        await NoticeScenario.ImportAsync(officer, id, NoticeScenario.People(app.Prefix, 2), _ct);
        var url = $"/api/incidents/{id}/notices/preview";

        var auditor = await app.ClientAs(Roles.Auditor).GetAsync(url, _ct);
        var bad = await officer.GetAsync($"{url}?line=first&content=draft", _ct);
        var unknown = await officer.GetAsync($"{url}?line=99", _ct);
        var noIncident = await officer.GetAsync($"/api/incidents/no-such-incident/notices/preview", _ct);

        Assert.Equal(HttpStatusCode.Forbidden, auditor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("line", out _));
        Assert.True(errors.TryGetProperty("content", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, noIncident.StatusCode);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
