using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Functions.Access;
using Notifications.LocalRuntime;
using Notifications.Functions.Notices;
using Notifications.Functions.Tests.Incidents;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Storage;
using Notifications.TestKit;
using Notifications.TestKit.FanOut;
using static Notifications.Functions.Tests.Notices.NoticeScenario;

namespace Notifications.Functions.Tests.Notices;

/// <summary>
/// Delivery reports through the app, on real Azurite and maildev: the fan-out sends, Event Grid-shaped reports land on the
/// <c>delivery-reports</c> queue as plain JSON (as an Event Grid subscription writes them), and <c>ReceiveDeliveryReport</c>
/// moves bounced people to indirect notice, in the progress, the completion counts, the history and the report draft.
/// </summary>
public sealed class DeliveryReportFlowTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task BouncesAfterCompletion_MoveThosePeopleToIndirect_AndReviseTheCountsOnce()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var (id, people) = await NotifiedAsync(app, officer, 12);
        var ids = await MessageIdsAsync(people);
        Assert.Equal(12, Completed(await HistoryAsync(officer, id)).GetProperty("direct").GetInt32());

        await EnqueueAsync(app,
            DeliveryReportEvents.EventGrid(ids[people[0].Email], people[0].Email, "Bounced"),
            DeliveryReportEvents.CloudEvent(ids[people[1].Email], people[1].Email, "Suppressed"),
            DeliveryReportEvents.EventGrid(ids[people[2].Email], people[2].Email, "Delivered"),
            DeliveryReportEvents.EventGrid(ids[people[0].Email], people[0].Email, "Bounced"), // a duplicate report
            DeliveryReportEvents.EventGrid(ids[people[3].Email], people[4].Email, "Bounced"), // someone else's address
            DeliveryReportEvents.EventGrid("CAFE1234abcd@mail.example.com", people[5].Email, "Bounced"), // not our notice
            DeliveryReportEvents.EventGrid(ids[people[6].Email], people[6].Email, "Bounced", type: "Microsoft.Communication.EmailEngagementTrackingReportReceived"),
            "this is not an event");
        Assert.Equal(8, await QueueDriver.DrainAsync(app.Services, ReceiveDeliveryReport.Name, _ct));

        var progress = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct);
        Assert.Equal((10L, 2L, 1L), (progress.GetProperty("sent").GetInt64(), progress.GetProperty("bounced").GetInt64(), progress.GetProperty("delivered").GetInt64()));
        var history = await HistoryAsync(officer, id);
        Assert.Equal(12, Completed(history).GetProperty("direct").GetInt32());
        var revisions = history.Where(e => e.GetProperty("type").GetString() == "notice-counts-revised").ToList();
        Assert.Equal(2, revisions.Count); // one per bounce; the duplicate and the ignored reports changed nothing
        var last = revisions[^1].GetProperty("event").GetProperty("counts");
        Assert.Equal((10, 2), (last.GetProperty("direct").GetInt32(), last.GetProperty("indirect").GetInt32()));
        var incident = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", _ct);
        Assert.Equal(2, incident.GetProperty("notices").GetProperty("indirect").GetInt32());
        var report = (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/commissioner-report", _ct)).GetProperty("text").GetString();
        Assert.Contains("notified or to be notified directly: 10", report, StringComparison.Ordinal);
        Assert.Contains("reached or to be reached by indirect notice: 2", report, StringComparison.Ordinal);

        // Redelivered after everything: nothing more is written to the incident.
        await EnqueueAsync(app, DeliveryReportEvents.CloudEvent(ids[people[1].Email], people[1].Email, "Suppressed"));
        Assert.Equal(1, await QueueDriver.DrainAsync(app.Services, ReceiveDeliveryReport.Name, _ct));
        Assert.Equal(history.Count, (await HistoryAsync(officer, id)).Count);
    }

    [Fact]
    public async Task ArraysOfEventsInOneMessage_InEitherSchema_AreEachApplied()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var (id, people) = await NotifiedAsync(app, officer, 5);
        var ids = await MessageIdsAsync(people);

        await EnqueueAsync(app,
            $"[{DeliveryReportEvents.EventGrid(ids[people[0].Email], people[0].Email, "Bounced")},{DeliveryReportEvents.EventGrid(ids[people[1].Email], people[1].Email, "Delivered")}]",
            $"[{DeliveryReportEvents.CloudEvent(ids[people[2].Email], people[2].Email, "Quarantined")},{DeliveryReportEvents.CloudEvent(ids[people[3].Email], people[3].Email, "Delivered")}]");
        Assert.Equal(2, await QueueDriver.DrainAsync(app.Services, ReceiveDeliveryReport.Name, _ct));

        var progress = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct);
        Assert.Equal((3L, 2L, 2L), (progress.GetProperty("sent").GetInt64(), progress.GetProperty("bounced").GetInt64(), progress.GetProperty("delivered").GetInt64()));
        var last = (await HistoryAsync(officer, id)).Last(e => e.GetProperty("type").GetString() == "notice-counts-revised").GetProperty("event").GetProperty("counts");
        Assert.Equal((3, 2), (last.GetProperty("direct").GetInt32(), last.GetProperty("indirect").GetInt32()));
    }

    [Fact]
    public async Task BounceBeforeTheRunCompletes_IsCountedInTheCompletion_WithoutARevision()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var (id, people, ids) = await CanarySentAsync(app, officer);

        await EnqueueAsync(app, DeliveryReportEvents.EventGrid(ids[people[7].Email], people[7].Email, "Bounced"));
        Assert.Equal(1, await QueueDriver.DrainAsync(app.Services, ReceiveDeliveryReport.Name, _ct));
        Assert.DoesNotContain(await HistoryAsync(officer, id), e => e.GetProperty("type").GetString() == "notices-completed");
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // the rest goes out
        Assert.True((await RunDriver.SettleAsync(app, id, _ct)).Completed);

        var history = await HistoryAsync(officer, id);
        var counts = Completed(history);
        Assert.Equal((149, 1), (counts.GetProperty("direct").GetInt32(), counts.GetProperty("indirect").GetInt32()));
        Assert.DoesNotContain(history, e => e.GetProperty("type").GetString() == "notice-counts-revised");
    }

    [Fact]
    public async Task BounceAfterTheWholeIncidentWentToIndirectNotice_MovesThatPersonToIndirect_AndKeepsTheReason()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var (id, people, ids) = await CanarySentAsync(app, officer);
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/notification/indirect",
            new { trigger = "reachesSooner", reason = "The website reaches everyone today." }, _ct)).EnsureSuccessStatusCode();

        await EnqueueAsync(app, DeliveryReportEvents.EventGrid(ids[people[5].Email], people[5].Email, "Bounced"));
        Assert.Equal(1, await QueueDriver.DrainAsync(app.Services, ReceiveDeliveryReport.Name, _ct));

        var incident = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", _ct);
        var counts = incident.GetProperty("notices");
        Assert.Equal((99, 51), (counts.GetProperty("direct").GetInt32(), counts.GetProperty("indirect").GetInt32()));
        Assert.Contains("The website reaches everyone today.", counts.GetProperty("method").GetString(), StringComparison.Ordinal);
        Assert.Contains("Emails to 1 of them bounced afterwards", counts.GetProperty("method").GetString(), StringComparison.Ordinal);
        Assert.Single(await HistoryAsync(officer, id), e => e.GetProperty("type").GetString() == "notice-counts-revised");

        // A second bounce: the method names the new total once, not a sentence per revision.
        await EnqueueAsync(app, DeliveryReportEvents.EventGrid(ids[people[6].Email], people[6].Email, "Bounced"));
        Assert.Equal(1, await QueueDriver.DrainAsync(app.Services, ReceiveDeliveryReport.Name, _ct));
        var again = (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", _ct)).GetProperty("notices");
        Assert.Equal((98, 52), (again.GetProperty("direct").GetInt32(), again.GetProperty("indirect").GetInt32()));
        var method = again.GetProperty("method").GetString()!;
        Assert.Contains("Emails to 2 of them bounced afterwards", method, StringComparison.Ordinal);
        Assert.Equal(1, method.Split("bounced afterwards").Length - 1);
    }

    [Fact]
    public async Task CanaryWaitingForDeliveryReports_AsksAgainLater_AndTheLastReportReleasesTheRest()
    {
        await using var app = new AppFactory(fixture.Services, s => s.Configure<FanOutOptions>(o => o.CanaryDeliveryWait = TimeSpan.FromMinutes(10)));
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var (id, people, ids) = await CanarySentAsync(app, officer);

        // The run waits on a durable timer for the canary's reports; the rest is not released.
        var settled = await RunDriver.SettleAsync(app, id, _ct);
        Assert.Equal((RunPhase.AwaitingDelivery, 1), (settled.Status!.Phase, settled.BatchCalls));
        var waiting = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(10), waiting.GetProperty("canaryDeliveryWaitUntil").GetDateTimeOffset());

        await EnqueueAsync(app, [.. people.Take(100).Select(p => DeliveryReportEvents.EventGrid(ids[p.Email], p.Email, "Delivered"))]);
        Assert.Equal(100, await QueueDriver.DrainAsync(app.Services, ReceiveDeliveryReport.Name, _ct));
        await RunDriver.WaitAsync(app, id, s => s.Status?.Phase == RunPhase.Sending, _ct); // the last report released the rest
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // and the quota lets the other 50 go
        Assert.True((await RunDriver.SettleAsync(app, id, _ct)).Completed);

        var counts = Completed(await HistoryAsync(officer, id));
        Assert.Equal((150, 0), (counts.GetProperty("direct").GetInt32(), counts.GetProperty("indirect").GetInt32()));
        var progress = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct);
        Assert.Equal((150L, 100L), (progress.GetProperty("sent").GetInt64(), progress.GetProperty("delivered").GetInt64()));
        Assert.Equal(JsonValueKind.Null, progress.GetProperty("canaryDeliveryWaitUntil").ValueKind);
    }

    [Fact]
    public async Task HandlersRevisingTheSameCountsAtOnce_RecordThemOnce()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var (id, people) = await NotifiedAsync(app, officer, 12);
        var ids = await MessageIdsAsync(people);
        var report = Assert.Single(DeliveryReport.Parse(DeliveryReportEvents.EventGrid(ids[people[3].Email], people[3].Email, "Bounced")));
        Assert.Equal(DeliveryReportOutcome.Bounced, (await app.Services.GetRequiredService<DeliveryReportRecorder>().RecordAsync(report, _ct)).Outcome);
        var completion = app.Services.GetRequiredService<NoticeCompletion>();

        var revised = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => completion.ReviseAsync(app.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>(), id, _ct)));

        Assert.Equal(1, revised.Count(r => r));
        var history = await HistoryAsync(officer, id);
        var revision = Assert.Single(history, e => e.GetProperty("type").GetString() == "notice-counts-revised");
        Assert.Equal("notice-counts-revised:d11-l0-i1-w0", revision.GetProperty("event").GetProperty("eventId").GetString());
    }

    [Fact]
    public async Task LocalSimulationCommand_PutsAnEventGridBounceThatTheFunctionApplies_AndPrintsNoAddress()
    {
        await using var app = new AppFactory(fixture.Services);
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var (id, people) = await NotifiedAsync(app, officer, 3);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(app.Settings).Build();
        var output = new StringWriter();

        var exit = await SimulatedDeliveryReport.RunAsync([id, people[1].Id], configuration, output, _ct);
        var missing = await SimulatedDeliveryReport.RunAsync([id, "C-999999", "Delivered", "--cloudevents"], configuration, output, _ct);

        Assert.Equal((0, 1), (exit, missing));
        Assert.DoesNotContain(people[1].Email, output.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await QueueDriver.DrainAsync(app.Services, ReceiveDeliveryReport.Name, _ct));
        var progress = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct);
        Assert.Equal((2L, 1L), (progress.GetProperty("sent").GetInt64(), progress.GetProperty("bounced").GetInt64()));
    }

    /// <summary>150 people, the run started and only its canary batch (the first 100) sent; their notices' Message-IDs.</summary>
    private async Task<(string Id, List<Person> People, Dictionary<string, string> MessageIds)> CanarySentAsync(AppFactory app, HttpClient officer)
    {
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = People(app.Prefix, 150);
        await ImportAsync(officer, id, people, _ct);
        await ApproveContentAsync(app, id, Content, _ct);
        await RunDriver.LeaveQuotaAsync(app, 100, _ct); // the canary, then the rest waits for the test's clock to move a minute
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        await RunDriver.CanaryDoneAsync(app, id, _ct);
        return (id, people, await MessageIdsAsync(people.Take(100).ToList()));
    }

    private async Task<(string Id, List<Person> People)> NotifiedAsync(AppFactory app, HttpClient officer, int count)
    {
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = People(app.Prefix, count);
        await ImportAsync(officer, id, people, _ct);
        await ApproveContentAsync(app, id, Content, _ct);
        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        await RunDriver.SettleAsync(app, id, _ct);
        return (id, people);
    }

    /// <summary>The Message-ID of each person's notice as the relay received it (the id a delivery report quotes).</summary>
    private async Task<Dictionary<string, string>> MessageIdsAsync(List<Person> people)
    {
        var addresses = people.Select(p => p.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var inbox = await fixture.Services.Mail.WaitForAsync(all => addresses.All(a => all.Any(m => m.To.Any(t => t.Address == a))), ct: _ct);
        return inbox.Where(m => m.To.Any(t => addresses.Contains(t.Address))).ToDictionary(
            m => m.To.Single().Address,
            m => m.Headers!.First(h => h.Key.Equals("message-id", StringComparison.OrdinalIgnoreCase)).Value.ToString()!.Trim().Trim('<', '>'),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Puts messages on the queue the way Event Grid does: plain JSON text, one event each.</summary>
    private async Task EnqueueAsync(AppFactory app, params string[] bodies)
    {
        var queue = new QueueClient(fixture.Services.StorageConnectionString, app.Prefix + ReceiveDeliveryReport.Queue,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await queue.CreateIfNotExistsAsync(cancellationToken: _ct);
        foreach (var body in bodies)
        {
            await queue.SendMessageAsync(body, _ct);
        }
    }

    /// <summary>Delivers one visible message of the function's queue to it, as the trigger would; false when there is none.</summary>
    private async Task<bool> RunOneAsync(AppFactory app, string function)
    {
        var queue = await QueueDriver.QueueAsync(app.Services, function);
        var message = (await queue.ReceiveMessageAsync(TimeSpan.FromMinutes(1), _ct)).Value;
        if (message is null)
        {
            return false;
        }

        await QueueDriver.InvokeAsync(app.Services, function, message, _ct);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, _ct);
        return true;
    }

    private async Task<List<JsonElement>> HistoryAsync(HttpClient officer, string id) =>
        (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct)).EnumerateArray().ToList();

    private static JsonElement Completed(List<JsonElement> history) =>
        Assert.Single(history, e => e.GetProperty("type").GetString() == "notices-completed").GetProperty("event").GetProperty("counts");
}
