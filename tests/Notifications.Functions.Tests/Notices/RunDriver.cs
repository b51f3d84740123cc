using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Notifications.Infrastructure.FanOut;
using Notifications.Functions.Notices;
using Notifications.Functions.Tests.Hosting;

namespace Notifications.Functions.Tests.Notices;

/// <summary>
/// Waiting on an incident's notification run, which sends on its own once started: until its orchestration completed,
/// or stands still (halted, held after the canary, or waiting for the canary's delivery reports). The timeout is
/// generous and never asserted on.
/// </summary>
public static class RunDriver
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly string[] Still = [RunPhase.Halted, RunPhase.Held, RunPhase.AwaitingDelivery];

    /// <summary>The run's status once it completed or stands still; <see cref="NotificationRunStatus.BatchCalls"/> counts the batch activities it ran.</summary>
    public static Task<RunState> SettleAsync(AppFactory app, string incidentId, CancellationToken ct) =>
        WaitAsync(app, incidentId, s => s.Completed || Still.Contains(s.Status?.Phase), ct);

    /// <summary>The run's status once <paramref name="until"/> holds.</summary>
    public static async Task<RunState> WaitAsync(AppFactory app, string incidentId, Func<RunState, bool> until, CancellationToken ct)
    {
        var durable = app.Services.GetRequiredService<DurableTaskClient>();
        var officer = app.ClientAs(Access.Roles.Auditor);
        RunState state = new(false, null, null);
        OrchestrationMetadata? last = null;
        try
        {
            await Eventually.HoldsAsync(async () =>
        {
            var progress = await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{incidentId}/notification", ct);
            var instanceId = NotificationRunNames.InstanceId(incidentId, progress.GetProperty("runId").GetString()!);
            var instance = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true, ct);
            var status = instance?.SerializedCustomStatus is { Length: > 0 } json
                ? JsonSerializer.Deserialize<NotificationRunStatus>(json, Web)
                : null;
            last = instance;
            state = new RunState(instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed, status, progress);
            return until(state);
            }, $"the notification run of {incidentId} settles", TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} Last seen: {last?.RuntimeStatus} {last?.SerializedCustomStatus} {last?.FailureDetails?.ErrorType}: {last?.FailureDetails?.ErrorMessage}; progress {state.Progress}", ex);
        }

        return state;
    }

    /// <summary>
    /// Call before the start: spends the current minute's quota (on the test's clock, which stands still) but for
    /// <paramref name="people"/> sends, so the run sends its canary and then waits for quota until the test advances
    /// the clock by a minute: the point where an officer acts "mid-run".
    /// </summary>
    public static async Task LeaveQuotaAsync(AppFactory app, int people, CancellationToken ct, DateTimeOffset? at = null)
    {
        // At another time: the minute the test will move its clock to, spent before it gets there.
        var quota = at is { } when
            ? new FanOutQuota(app.Services.GetRequiredService<Infrastructure.Storage.StorageClients>(),
                app.Services.GetRequiredService<IOptions<FanOutOptions>>(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(when))
            : app.Services.GetRequiredService<FanOutQuota>();
        var perMinute = app.Services.GetRequiredService<IOptions<FanOutOptions>>().Value.PerMinute;
        var (minute, _) = await quota.UsedAsync(ct);
        Assert.Equal(perMinute - minute - people, (await quota.ReserveAsync(perMinute - minute - people, ct)).Granted);
    }

    /// <summary>Once the canary batch is complete and the rest released (waiting for quota), or the run stands still.</summary>
    public static Task<RunState> CanaryDoneAsync(AppFactory app, string incidentId, CancellationToken ct) =>
        WaitAsync(app, incidentId, s => Still.Contains(s.Status?.Phase) || s.Completed || s.Progress is { } p
            && p.GetProperty("batchesComplete").GetInt32() >= 1 && p.GetProperty("batchesReleased").GetInt32() == p.GetProperty("batches").GetInt32(), ct);

    /// <summary>A run as a test sees it: its orchestration's status and the API's progress.</summary>
    public sealed record RunState(bool Completed, NotificationRunStatus? Status, JsonElement? Progress)
    {
        public int BatchCalls => Status?.BatchCalls ?? 0;
    }
}
