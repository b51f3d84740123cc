using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Notifications.Domain.Reports;
using Notifications.Functions.Access;
using Notifications.Functions.Notices;
using Notifications.Functions.Tests.Incidents;
using Notifications.Functions.Tests.Letters;
using Notifications.Functions.Tests.Notices;
using Notifications.TestKit;
using Notifications.TestKit.FanOut;

namespace Notifications.Functions.Tests.Reports;

/// <summary>
/// The Commissioner learns the outcome (issue 14, item 2): the first report is sent before the notices go out and says
/// what will follow; when the notices complete, and again when their counts are revised, a follow-up report with the
/// final counts is drafted, approved by an approver, emailed to the Commissioner and kept in the history.
/// </summary>
public sealed class CommissionerFollowUpTests(DevServicesFixture fixture)
{
    private const string Commissioner = "commissioner@example.test";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoticesCompletedAfterTheReportWasSent_AndTheirCountsRevised_EachGiveTheCommissionerAFollowUpWithTheFinalCounts()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var approver = app.ClientAs(Roles.Approver);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);

        // The first report goes before the notices, and says what will follow.
        var first = await ReportAsync(officer, id);
        Assert.Contains(FollowUpReportWriter.WillFollow, first.GetProperty("draft").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(first.GetProperty("reports").EnumerateArray());
        (await approver.PostAsync($"/api/incidents/{id}/commissioner-report/approve", null, _ct)).EnsureSuccessStatusCode();
        await officer.WaitForAsync(id, "commissioner-report-sent", _ct);

        // Three people by email, one with no contact (indirect), one withheld; the run completes the notices.
        var people = LetterPeople.Mixed(app.Prefix, email: 3, letters: 0);
        await LetterPeople.ImportAsync(officer, id, people, _ct);
        await NoticeScenario.ApproveContentAsync(app, id, LetterPeople.Content, _ct);
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        await RunDriver.SettleAsync(app, id, _ct);
        await officer.WaitForAsync(id, "notices-completed", _ct);

        var afterCompletion = await ReportAsync(officer, id);
        var sentFirst = Assert.Single(afterCompletion.GetProperty("reports").EnumerateArray());
        Assert.Equal(("first", first.GetProperty("draft").GetProperty("text").GetString()),
            (sentFirst.GetProperty("kind").GetString(), sentFirst.GetProperty("text").GetString()));
        var followUp = afterCompletion.GetProperty("draft");
        Assert.Equal(("follow-up", 2), (followUp.GetProperty("kind").GetString(), followUp.GetProperty("number").GetInt32()));
        var text = followUp.GetProperty("text").GetString()!;
        foreach (var line in new[]
        {
            "Notified directly by email: 3", "Notified by letter: 0", "Reached by indirect notice: 1",
            "Emails that bounced (not delivered; those people are reached by indirect notice): 0",
            "Notices withheld under the safety exception: 1", "Why they were withheld, in general terms:",
        })
        {
            Assert.Contains(line, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Safety of the person.", text, StringComparison.Ordinal); // that person's own reason stays on their row
        Assert.All(people.SelectMany(p => p.Values()), value => Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase));

        // An approver approves it; it is emailed to the Commissioner and its text is kept in the history.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/api/incidents/{id}/commissioner-report/approve", null, _ct)).StatusCode);
        (await approver.PostAsync($"/api/incidents/{id}/commissioner-report/approve", null, _ct)).EnsureSuccessStatusCode();
        var history = await officer.WaitForAsync(id, "commissioner-report-sent", _ct, count: 2);
        var sent = history.Where(e => e.GetProperty("type").GetString() == "commissioner-report-sent").ToList();
        Assert.Equal(text, sent[1].GetProperty("event").GetProperty("text").GetString());
        Assert.Equal("test-approver", history.Last(e => e.GetProperty("type").GetString() == "commissioner-report-approved")
            .GetProperty("actor").GetProperty("id").GetString());
        var subject = followUp.GetProperty("subject").GetString();
        var inbox = await fixture.Services.Mail.WaitForAsync(all => all.Any(m => m.To.Any(t => t.Address == Commissioner) && m.Subject == subject), ct: _ct);
        Assert.Equal(text.ReplaceLineEndings().Trim(), Assert.Single(inbox, m => m.Subject == subject).Text!.ReplaceLineEndings().Trim());

        // A bounce revises the counts: another follow-up, with the bounce.
        var bounced = people[0];
        await EnqueueBounceAsync(app, bounced.Email!, await MessageIdAsync(bounced.Email!));
        Assert.Equal(1, await QueueDriver.DrainAsync(app.Services, ReceiveDeliveryReport.Name, _ct));
        await officer.WaitForAsync(id, "notice-counts-revised", _ct);
        var afterBounce = await ReportAsync(officer, id);
        Assert.Equal(2, afterBounce.GetProperty("reports").GetArrayLength());
        var second = afterBounce.GetProperty("draft");
        Assert.Equal(3, second.GetProperty("number").GetInt32());
        var revised = second.GetProperty("text").GetString()!;
        Assert.Contains("Notified directly by email: 2", revised, StringComparison.Ordinal);
        Assert.Contains("Reached by indirect notice: 2", revised, StringComparison.Ordinal);
        Assert.Contains("Emails that bounced (not delivered; those people are reached by indirect notice): 1", revised, StringComparison.Ordinal);

        (await approver.PostAsync($"/api/incidents/{id}/commissioner-report/approve", null, _ct)).EnsureSuccessStatusCode();
        await officer.WaitForAsync(id, "commissioner-report-sent", _ct, count: 3);
        var all = await ReportAsync(officer, id);
        Assert.Equal([1, 2, 3], all.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));
        Assert.Equal(JsonValueKind.Null, all.GetProperty("draft").ValueKind);
        Assert.Equal(3, all.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("sentMessageId").GetString()).Distinct().Count());
        Assert.Equal(HttpStatusCode.Conflict, (await approver.PostAsync($"/api/incidents/{id}/commissioner-report/approve", null, _ct)).StatusCode);
    }

    private async Task<JsonElement> ReportAsync(HttpClient client, string id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/commissioner-report", _ct);

    /// <summary>The Message-ID of the notice the relay received for <paramref name="address"/> (what a delivery report quotes).</summary>
    private async Task<string> MessageIdAsync(string address)
    {
        var inbox = await fixture.Services.Mail.WaitForAsync(all => all.Any(m => m.To.Any(t => t.Address == address)), ct: _ct);
        return inbox.Single(m => m.To.Any(t => t.Address == address)).Headers!
            .First(h => h.Key.Equals("message-id", StringComparison.OrdinalIgnoreCase)).Value.ToString()!.Trim().Trim('<', '>');
    }

    /// <summary>A bounce report on the delivery-reports queue, as Event Grid writes it (plain JSON).</summary>
    private async Task EnqueueBounceAsync(AppFactory app, string address, string messageId)
    {
        var queue = new QueueClient(fixture.Services.StorageConnectionString, app.Prefix + ReceiveDeliveryReport.Queue,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await queue.CreateIfNotExistsAsync(cancellationToken: _ct);
        await queue.SendMessageAsync(DeliveryReportEvents.EventGrid(messageId, address, "Bounced"), _ct);
    }
}
