using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Notifications.Functions.Access;
using Notifications.Functions.Assessment;
using Notifications.Functions.Containment;
using Notifications.Functions.Reports;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Incidents;

/// <summary>
/// A whole incident through the API, on real Azurite and a real SMTP sink: intake, assessment, override, containment
/// confirmed through the emailed link, the Commissioner's report approved and received.
/// </summary>
public sealed partial class IncidentFlowTests(DevServicesFixture fixture)
{
    private const string WrongRecipient = "wrong.recipient@example.test";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Incident_FromReportToCommissioner()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var approver = app.ClientAs(Roles.Approver);
        var id = await officer.CreateIncidentAsync(_ct);

        // The engine proposes; nothing is notified on its word alone.
        await officer.WaitForAsync(id, "assessment-proposed", _ct);
        var proposed = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", _ct);
        Assert.True(proposed.GetProperty("awaitingDecision").GetBoolean());
        Assert.True(proposed.GetProperty("proposal").GetProperty("significantHarm").GetBoolean());
        Assert.Null(await ReportOrNullAsync(officer, id));

        // The officer overrides the level and urgency, with a reason.
        var proposedAt = DateTimeOffset.UtcNow;
        var decided = await officer.PostAsJsonAsync($"/api/incidents/{id}/assessment/decision", new
        {
            decision = "override", significantHarm = true, level = "critical", urgency = "immediate",
            reason = "Client identifiers let a recipient impersonate applicants; notify at once.",
        }, _ct);
        decided.EnsureSuccessStatusCode();
        var notifying = await decided.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal("notifying", notifying.GetProperty("status").GetString());
        Assert.Equal("immediate", notifying.GetProperty("urgency").GetString());
        Assert.InRange(notifying.GetProperty("deadline").GetDateTimeOffset(), proposedAt, DateTimeOffset.UtcNow); // now, when decided

        // Containment: the wrong recipient is asked to delete and confirms through the one-time link.
        await ConfirmDeletionThroughTheEmailedLinkAsync(app, officer, id);
        foreach (var task in (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", _ct)).GetProperty("tasks").EnumerateArray()
                     .Where(t => !t.GetProperty("done").GetBoolean()))
        {
            (await officer.PostAsJsonAsync($"/api/incidents/{id}/containment/tasks/{task.GetProperty("taskId").GetString()}/complete",
                new { note = "Done and documented." }, _ct)).EnsureSuccessStatusCode();
        }

        var contained = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", _ct);
        Assert.Equal(JsonValueKind.String, contained.GetProperty("containedAt").ValueKind);
        Assert.Equal("contained", contained.GetProperty("facts").GetProperty("containment").GetProperty("status").GetString());
        await officer.WaitForAsync(id, "assessment-proposed", _ct, count: 2); // re-assessed

        // Only an approver approves; the approved text is what the Commissioner receives.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/api/incidents/{id}/commissioner-report/approve", null, _ct)).StatusCode);
        (await approver.PostAsync($"/api/incidents/{id}/commissioner-report/approve", null, _ct)).EnsureSuccessStatusCode();
        await officer.WaitForAsync(id, "commissioner-report-sent", _ct);

        var report = (await ReportOrNullAsync(officer, id))!.Value;
        var inbox = await fixture.Services.Mail.WaitForAsync(all => all.Any(m => m.To.Any(t => t.Address == "commissioner@example.test") && m.Subject == report.GetProperty("approvedSubject").GetString()), ct: _ct);
        var mail = inbox.Single(m => m.Subject == report.GetProperty("approvedSubject").GetString());
        Assert.Equal(report.GetProperty("approvedText").GetString()!.ReplaceLineEndings().Trim(), mail.Text!.ReplaceLineEndings().Trim());
        foreach (var personal in new[] { IncidentRequests.ReporterName, IncidentRequests.ReporterEmail, IncidentRequests.ReporterPhone, WrongRecipient })
        {
            Assert.DoesNotContain(personal, mail.Text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("Ministry of Examples", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Client identifiers let a recipient impersonate applicants", mail.Text, StringComparison.Ordinal);
        var history = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct);
        var sent = history.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "commissioner-report-sent");
        Assert.Equal(report.GetProperty("approvedText").GetString(), sent.GetProperty("event").GetProperty("text").GetString());
        Assert.Equal("test-approver", history.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "commissioner-report-approved")
            .GetProperty("actor").GetProperty("id").GetString());
    }

    [Fact]
    public async Task BelowThreshold_ClosesWithReasons_AndStaysInTheRegister()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateIncidentAsync(_ct);
        // (A decision before the proposal is refused: the decider's Decision_BeforeTheProposal_IsRejected. Through the API it
        // races the assessment, which the incident's orchestration runs at once.)
        await officer.WaitForAsync(id, "assessment-proposed", _ct);

        var response = await officer.PostAsJsonAsync($"/api/incidents/{id}/assessment/decision", new
        {
            decision = "override", significantHarm = false, reason = "The recipients were colleagues bound by the same confidentiality duty.",
        }, _ct);

        var closed = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.True(closed.GetProperty("belowThreshold").GetBoolean());
        var register = await app.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>("/api/incidents?status=closed", _ct);
        Assert.Contains(register.EnumerateArray(), e => e.GetProperty("id").GetString() == id
            && e.GetProperty("closedReason").GetString() == "The recipients were colleagues bound by the same confidentiality duty.");
    }

    [Fact]
    public async Task Decided_SameDeadline_DeadlineBasisIsNoLongerProvisional()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateIncidentAsync(_ct);
        var reported = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", _ct);
        Assert.Contains("provisional", reported.GetProperty("deadlineBasis").GetString(), StringComparison.Ordinal);
        await officer.WaitForAsync(id, "assessment-proposed", _ct);

        var decided = await officer.PostAsJsonAsync($"/api/incidents/{id}/assessment/decision", new
        {
            decision = "override", significantHarm = true, level = "high", urgency = "standard", reason = "Application numbers reached strangers.",
        }, _ct);

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var state = await decided.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal(reported.GetProperty("deadline").GetDateTimeOffset(), state.GetProperty("deadline").GetDateTimeOffset());
        Assert.DoesNotContain("provisional", state.GetProperty("deadlineBasis").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Amendment_IsRecordedAndReAssessed()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateIncidentAsync(_ct);

        var amended = await officer.PatchAsJsonAsync($"/api/incidents/{id}", new
        {
            recipients = new { count = 400 }, reason = "The distribution list had 400 members, not 12.",
        }, _ct);
        var bad = await officer.PatchAsJsonAsync($"/api/incidents/{id}", new { cause = "sabotage", reason = "x" }, _ct);

        amended.EnsureSuccessStatusCode();
        Assert.Equal(2, (await amended.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("factsVersion").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        // v2 proposed (v1's assessment may have run before the amendment, or be moot after it)
        await officer.WaitForAsync(id, "assessment-proposed", _ct, e => e.GetProperty("event").GetProperty("factsVersion").GetInt32() == 2);
        var state = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", _ct);
        Assert.Equal(400, state.GetProperty("facts").GetProperty("recipients").GetProperty("count").GetInt32());
        Assert.Equal(2, state.GetProperty("factsVersion").GetInt32());
        Assert.Equal(JsonValueKind.Object, state.GetProperty("proposal").ValueKind);
        var history = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct);
        var amendment = history.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "facts-amended");
        Assert.Equal("The distribution list had 400 members, not 12.", amendment.GetProperty("event").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task DeletionLink_ForgedExpiredOrReplayed_IsRefused()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateIncidentAsync(_ct);
        var tokens = await RequestDeletionAsync(app, officer, id, "another.wrong@example.test", "late.wrong@example.test");
        var (token, second) = (tokens[0], tokens[1]);
        var anonymous = app.CreateClient();

        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostConfirmAsync(anonymous, forged)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostConfirmAsync(anonymous, token)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostConfirmAsync(anonymous, token)).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(HttpStatusCode.Gone, (await anonymous.GetAsync($"/api/public/containment/confirm?token={Uri.EscapeDataString(second)}", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await PostConfirmAsync(anonymous, second)).StatusCode);
        var history = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct);
        Assert.Single(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "deletion-confirmed");
    }

    private async Task ConfirmDeletionThroughTheEmailedLinkAsync(AppFactory app, HttpClient officer, string id)
    {
        var token = (await RequestDeletionAsync(app, officer, id, WrongRecipient))[0];
        var anonymous = app.CreateClient();
        var page = await anonymous.GetAsync($"/api/public/containment/confirm?token={Uri.EscapeDataString(token)}", _ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\">", await page.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PostConfirmAsync(anonymous, token)).StatusCode);
    }

    /// <summary>Registers wrong recipients on the deletion task, runs the activity and returns the token each one's email carries.</summary>
    private async Task<List<string>> RequestDeletionAsync(AppFactory app, HttpClient officer, string id, params string[] wrongRecipients)
    {
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/containment/tasks/task-confirmDeletion/wrong-recipients",
            new { recipients = wrongRecipients.Select(r => new { email = r, language = "fr" }) }, _ct)).EnsureSuccessStatusCode();
        await officer.WaitForAsync(id, "deletion-requests-sent", _ct, e => wrongRecipients.Length == e.GetProperty("event").GetProperty("recipientIds").GetArrayLength());
        var inbox = await fixture.Services.Mail.WaitForAsync(all => wrongRecipients.All(r => all.Any(m => m.To.Any(t => t.Address == r))), ct: _ct);
        var tokens = new List<string>();
        foreach (var recipient in wrongRecipients)
        {
            var mail = inbox.Single(m => m.To.Any(t => t.Address == recipient));
            Assert.Single(mail.To); // only that recipient's own address
            Assert.DoesNotContain(IncidentRequests.ReporterName, mail.Body, StringComparison.Ordinal);
            Assert.Contains("supprim", mail.Body, StringComparison.OrdinalIgnoreCase); // in French, as asked
            tokens.Add(Uri.UnescapeDataString(TokenPattern().Match(mail.Text!).Groups[1].Value));
        }

        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        return tokens;
    }

    private Task<HttpResponseMessage> PostConfirmAsync(HttpClient client, string token) =>
        client.PostAsync("/api/public/containment/confirm", new FormUrlEncodedContent([new("token", token)]), _ct);

    private async Task<JsonElement?> ReportOrNullAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/incidents/{id}/commissioner-report", _ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
    }

    [GeneratedRegex(@"token=([A-Za-z0-9%_\-\.]+)")]
    private static partial Regex TokenPattern();
}
