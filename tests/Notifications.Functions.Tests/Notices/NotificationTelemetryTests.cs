using System.Diagnostics;
using System.Text.Json;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using Notifications.Functions.Access;
using Notifications.Functions.Notices;
using Notifications.Functions.Tests.Incidents;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Notices;

/// <summary>
/// The telemetry of one notification run, exported in memory by the app's own OpenTelemetry pipeline, on real Azurite,
/// the real Durable provider and a real SMTP sink: one trace from the start request through the run's plan and batch to
/// each SMTP send, ids as attributes, and no one's address or name in any span or log record.
/// </summary>
public sealed class NotificationTelemetryTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task OneTrace_FromTheStartRequest_ThroughTheRunAndItsBatch_ToEachSmtpSend_WithoutPersonalData()
    {
        // Activity listeners are process-wide: spans of apps in other tests land here too; this test reads only its trace.
        var spans = new List<Activity>();
        var logs = new List<LogRecord>();
        await using var app = new AppFactory(fixture.Services, s => s.AddOpenTelemetry()
            .WithTracing(t => t.AddInMemoryExporter(spans))
            .WithLogging(l => l.AddInMemoryExporter(logs)));
        var officer = app.ClientAs(Roles.PrivacyOfficer);
        var id = await officer.CreateNotifyingIncidentAsync(app.Services, _ct);
        var people = NoticeScenario.People(app.Prefix, 3);
        await NoticeScenario.ImportAsync(officer, id, people, _ct);
        await NoticeScenario.ApproveContentAsync(app, id, NoticeScenario.Content, _ct);

        (await officer.PostAsync($"/api/incidents/{id}/notification/start", null, _ct)).EnsureSuccessStatusCode();
        Assert.True((await RunDriver.SettleAsync(app, id, _ct)).Completed);
        await fixture.Services.Mail.WaitForAsync(all => people.All(p => all.Any(m => m.To.Any(t => t.Address == p.Email))), ct: _ct);
        var runId = (await app.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/notification", _ct))
            .GetProperty("runId").GetString();

        var exported = Snapshot(spans);
        var start = Assert.Single(exported, s => s.Kind == ActivityKind.Server
            && s.GetTagItem("url.path") as string == $"/api/incidents/{id}/notification/start");
        var trace = exported.Where(s => s.TraceId == start.TraceId).ToDictionary(s => s.SpanId);
        var sends = trace.Values.Where(s => s.OperationName == "smtp send").ToList();
        Assert.Equal(people.Count, sends.Count);
        foreach (var send in sends)
        {
            var chain = Ancestors(send, trace).Select(s => s.OperationName).ToList();
            // Nearest first: the batch's own span, the batch activity, the run's plan, then the start request.
            Assert.Equal(["fanout.batch", SendNotificationBatch.Name, NotificationRunNames.Plan], chain.Take(3));
            Assert.Same(start, Ancestors(send, trace).Last());
        }

        var batch = Assert.Single(trace.Values, s => s.OperationName == SendNotificationBatch.Name);
        Assert.Equal(id, batch.GetTagItem(Infrastructure.Telemetry.IncidentId));
        Assert.Equal(runId, batch.GetTagItem(Infrastructure.Telemetry.RunId));
        Assert.All(trace.Values.Where(s => s.OperationName == NotificationRunNames.Plan), p => Assert.Equal(runId, p.GetTagItem(Infrastructure.Telemetry.RunId)));

        // Nothing anyone was imported with: no address, no given or family name, in any span or log attribute.
        var personal = people.SelectMany(p => new[] { p.Email, p.Given, p.Family }).ToList();
        var spanValues = exported.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}")
            .Concat(s.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}"))).Append(s.DisplayName)).ToList();
        var logValues = Snapshot(logs).SelectMany(l => (l.Attributes ?? []).Select(a => $"{a.Key}={a.Value}").Append(l.FormattedMessage ?? "")).ToList();
        Assert.NotEmpty(logValues);
        foreach (var value in personal)
        {
            Assert.DoesNotContain(spanValues, v => v.Contains(value, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(logValues, v => v.Contains(value, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The exporter is the list's one writer (under its processor's lock); a copy may miss the newest, never tears one.</summary>
    private static List<T> Snapshot<T>(List<T> exported) where T : class => [.. exported.ToArray().Where(x => x is not null)];

    private static IEnumerable<Activity> Ancestors(Activity span, Dictionary<ActivitySpanId, Activity> trace)
    {
        for (var s = span; trace.TryGetValue(s.ParentSpanId, out var parent); s = parent)
        {
            yield return parent;
        }
    }
}
