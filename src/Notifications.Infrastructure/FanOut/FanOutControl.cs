using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Notifications.Infrastructure.Storage;

namespace Notifications.Infrastructure.FanOut;

/// <summary>
/// The operator's brake. <see cref="HaltAsync"/> sets the run's <c>Halted</c> flag; batch senders read it before every send
/// (cached for at most <see cref="FanOutOptions.HaltCacheTtl"/>, one second), so sending stops within seconds and the
/// rest stays <c>pending</c>; the run orchestration, told by an event, starts no new batch. <see cref="ResumeAsync"/>
/// clears it; the run orchestration, told by an event, sends the released batches that are not complete.
/// </summary>
public sealed class FanOutControl
{
    private readonly FanOutTable _table;
    private readonly FanOutOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, (bool Halted, long At)> _cache = new(StringComparer.Ordinal);

    public FanOutControl(StorageClients storage, IOptions<FanOutOptions> options, TimeProvider time, ILogger<FanOutControl>? logger = null)
    {
        _options = options.Value;
        _table = new FanOutTable(storage);
        _time = time;
        _log = logger ?? NullLogger<FanOutControl>.Instance;
    }

    /// <summary>Halts the incident's fan-out. Idempotent; false when there is no run.</summary>
    public async Task<bool> HaltAsync(string incidentId, CancellationToken ct = default)
    {
        var changed = await SetHaltedAsync(incidentId, true, ct);
        if (changed is null)
        {
            return false;
        }

        FanOutLog.Halted(_log, incidentId);
        return true;
    }

    /// <summary>Clears the halt. Returns how many released batches are not complete (the run sends them again).</summary>
    public async Task<int> ResumeAsync(string incidentId, CancellationToken ct = default)
    {
        var run = await SetHaltedAsync(incidentId, false, ct);
        if (run is null)
        {
            return 0;
        }

        var results = await _table.GetResultsAsync(incidentId, ct);
        var open = Enumerable.Range(0, run.ReleasedBatches)
            .Where(n => !results.TryGetValue(FanOutTable.BatchId(run, n), out var r) || !r.IsComplete)
            .ToList();
        FanOutLog.Resumed(_log, incidentId, open.Count);
        return open.Count;
    }

    /// <summary>Whether the incident's fan-out is halted, read at most once per <see cref="FanOutOptions.HaltCacheTtl"/> per process.</summary>
    public async ValueTask<bool> IsHaltedAsync(string incidentId, CancellationToken ct = default)
    {
        var now = _time.GetTimestamp();
        if (_cache.TryGetValue(incidentId, out var cached) && _time.GetElapsedTime(cached.At, now) < _options.HaltCacheTtl)
        {
            return cached.Halted;
        }

        var run = await _table.GetRunAsync(incidentId, ct);
        var halted = run?.Halted ?? false;
        _cache[incidentId] = (halted, now);
        return halted;
    }

    private async Task<FanOutRun?> SetHaltedAsync(string incidentId, bool halted, CancellationToken ct)
    {
        while (true)
        {
            var run = await _table.GetRunAsync(incidentId, ct);
            if (run is null)
            {
                return null;
            }

            if (run.Halted == halted || await _table.TryReplaceRunAsync(run with { Halted = halted }, ct))
            {
                _cache[incidentId] = (halted, _time.GetTimestamp());
                return run with { Halted = halted };
            }
        }
    }
}
