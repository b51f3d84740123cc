using System.Diagnostics;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Storage;

namespace Notifications.Infrastructure.FanOut;

/// <summary>How <see cref="FanOutPlanner.ContinueAfterCanaryAsync"/> went.</summary>
public enum CanaryVerdict
{
    /// <summary>No run for this incident.</summary>
    NoRun,

    /// <summary>Some canary batch has not reported complete yet (or is halted).</summary>
    NotReady,

    /// <summary>Too many canary people were blocked or failed permanently; the rest is held for a person to look at.</summary>
    Failed,

    /// <summary>
    /// The canary is complete and clean so far, but some of its emails have no delivery report yet and
    /// <see cref="FanOutOptions.CanaryDeliveryWait"/> has not passed: ask again later (or when a report arrives).
    /// </summary>
    AwaitingDelivery,

    /// <summary>The rest of the batches are released (now, or by an earlier call).</summary>
    Continued,
}

/// <summary>
/// An incident's fan-out plan: records the run (control row) with its canary, and releases the rest once the canary is
/// complete and clean. The run orchestration calls it through activities and sends the released batches; both calls
/// are idempotent (a flag on the control row says what was released).
/// </summary>
public sealed class FanOutPlanner
{
    private readonly FanOutTable _table;
    private readonly RecipientStore _recipients;
    private readonly FanOutOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    public FanOutPlanner(StorageClients storage, RecipientStore recipients, IOptions<FanOutOptions> options, TimeProvider time,
        ILogger<FanOutPlanner>? logger = null)
    {
        _options = options.Value;
        _table = new FanOutTable(storage);
        _recipients = recipients;
        _time = time;
        _log = logger ?? NullLogger<FanOutPlanner>.Instance;
    }

    /// <summary>
    /// Records run <paramref name="runId"/> over the incident's current import, its canary released. Returns the
    /// run as recorded: when another run was recorded before, that one (unchanged; compare <see cref="FanOutRun.RunId"/>).
    /// Null when nothing was imported. <paramref name="pin"/>, the notice text of the run, is written before the run is
    /// recorded, and only then: a start retried after the incident changed keeps the text the run started with.
    /// </summary>
    public async Task<FanOutRun?> StartAsync(string incidentId, string runId, NoticePin? pin, CancellationToken ct = default)
    {
        var run = await _table.GetRunAsync(incidentId, ct);
        if (run is null)
        {
            var manifest = await _recipients.GetManifestAsync(incidentId, ct);
            if (manifest is null || manifest.Batches == 0)
            {
                return null;
            }

            if (pin is not null)
            {
                await _table.WritePinAsync(incidentId, pin with { RunId = runId, ImportId = manifest.ImportId }, ct);
            }

            var canary = Math.Min(manifest.Batches, (_options.CanarySize + RecipientKeys.BatchSize - 1) / RecipientKeys.BatchSize);
            var created = new FanOutRun(incidentId, runId, manifest.ImportId, manifest.Batches, canary, manifest.Counts.Rows,
                _time.GetUtcNow(), CanaryEnqueued: false, RestEnqueued: false, Halted: false);
            var table = await _table.Table;
            try
            {
                var response = await table.AddEntityAsync(created.ToEntity(), ct);
                run = created with { ETag = response.Headers.ETag ?? default };
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                run = await _table.GetRunAsync(incidentId, ct) ?? throw new InvalidOperationException("The control row vanished.");
            }
        }

        if (run.RunId != runId || run.CanaryEnqueued)
        {
            return run;
        }

        run = await MarkAsync(run, r => r with { CanaryEnqueued = true }, ct);
        FanOutLog.Started(_log, incidentId, runId, run.Batches, run.CanaryBatches);
        return run;
    }

    /// <summary>Starts a run without pinned notice text (for a notice source that needs none).</summary>
    public Task<FanOutRun?> StartAsync(string incidentId, string runId, CancellationToken ct = default) => StartAsync(incidentId, runId, null, ct);

    /// <summary>
    /// When every canary batch reported complete, every canary email has a delivery report (or
    /// <see cref="FanOutOptions.CanaryDeliveryWait"/> has passed since the canary completed), and at most
    /// <see cref="FanOutOptions.CanaryMaxProblemRate"/> of its people were blocked, failed permanently or bounced, releases
    /// every other batch. Idempotent.
    /// </summary>
    public async Task<CanaryVerdict> ContinueAfterCanaryAsync(string incidentId, CancellationToken ct = default) =>
        (await CheckCanaryAsync(incidentId, ct)).Verdict;

    /// <summary><see cref="ContinueAfterCanaryAsync"/>, with how long at most to wait before asking again when it says <see cref="CanaryVerdict.AwaitingDelivery"/>.</summary>
    public async Task<(CanaryVerdict Verdict, TimeSpan AskAgainIn)> CheckCanaryAsync(string incidentId, CancellationToken ct = default)
    {
        var run = await _table.GetRunAsync(incidentId, ct);
        if (run is null)
        {
            return (CanaryVerdict.NoRun, TimeSpan.Zero);
        }

        if (run.RestEnqueued)
        {
            return (CanaryVerdict.Continued, TimeSpan.Zero);
        }

        var results = await _table.GetResultsAsync(incidentId, ct);
        var canary = Enumerable.Range(0, run.CanaryBatches)
            .Select(n => results.GetValueOrDefault(FanOutTable.BatchId(run, n)))
            .ToList();
        if (run.Halted || canary.Any(r => r is null || !r.IsComplete))
        {
            return (CanaryVerdict.NotReady, TimeSpan.Zero);
        }

        var people = canary.Sum(r => r!.Total);
        var problems = canary.Sum(r => r!.Blocked + r.FailedPermanent + r.Bounced);
        if (problems > _options.CanaryMaxProblemRate * people)
        {
            FanOutLog.CanaryFailed(_log, incidentId, run.RunId, problems, people);
            return (CanaryVerdict.Failed, TimeSpan.Zero);
        }

        var unreported = canary.Sum(r => r!.Sent - r.Delivered);
        if (unreported > 0 && _options.CanaryDeliveryWait > TimeSpan.Zero)
        {
            if (run.CanaryCompletedAt is null)
            {
                run = await MarkAsync(run, r => r with { CanaryCompletedAt = r.CanaryCompletedAt ?? _time.GetUtcNow() }, ct);
            }

            var left = run.CanaryCompletedAt!.Value + _options.CanaryDeliveryWait - _time.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                FanOutLog.CanaryAwaitingDelivery(_log, incidentId, run.RunId, unreported, left);
                return (CanaryVerdict.AwaitingDelivery, left);
            }

            FanOutLog.CanaryUnreported(_log, incidentId, run.RunId, unreported, _options.CanaryDeliveryWait);
        }

        await MarkAsync(run, r => r with { RestEnqueued = true }, ct);
        FanOutLog.Continued(_log, incidentId, run.RunId, run.Batches - run.CanaryBatches);
        return (CanaryVerdict.Continued, TimeSpan.Zero);
    }

    /// <summary>The batch input for batch <paramref name="number"/> of <paramref name="run"/>.</summary>
    public static BatchMessage Batch(FanOutRun run, int number) =>
        new(BatchMessage.CurrentSchema, run.IncidentId, run.RunId, FanOutTable.BatchId(run, number), number < run.CanaryBatches, Activity.Current?.Id);

    /// <summary>The numbers of the released batches of <paramref name="run"/> that are not complete yet, canary first.</summary>
    public async Task<IReadOnlyList<int>> UnfinishedAsync(FanOutRun run, CancellationToken ct = default)
    {
        var results = await _table.GetResultsAsync(run.IncidentId, ct);
        return Enumerable.Range(0, run.ReleasedBatches)
            .Where(n => !results.TryGetValue(FanOutTable.BatchId(run, n), out var r) || !r.IsComplete)
            .ToList();
    }

    /// <summary>The run as recorded, or null.</summary>
    public Task<FanOutRun?> GetRunAsync(string incidentId, CancellationToken ct = default) => _table.GetRunAsync(incidentId, ct);

    /// <summary>The notice text pinned for a run, or null when it was started without one.</summary>
    public Task<NoticePin?> GetPinAsync(string incidentId, string runId, CancellationToken ct = default) => _table.GetPinAsync(incidentId, runId, ct);

    private async Task<FanOutRun> MarkAsync(FanOutRun run, Func<FanOutRun, FanOutRun> change, CancellationToken ct)
    {
        while (true)
        {
            var changed = change(run);
            if (await _table.TryReplaceRunAsync(changed, ct))
            {
                return changed;
            }

            // Someone halted or resumed meanwhile: apply the change to what they wrote.
            run = await _table.GetRunAsync(run.IncidentId, ct) ?? throw new InvalidOperationException("The control row vanished.");
        }
    }
}
