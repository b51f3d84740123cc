using NCrontab;

namespace Notifications.Functions.Hosting.Local;

/// <summary>Fires a timer function on its NCRONTAB schedule (with seconds, UTC), using the injected clock.</summary>
internal sealed class TimerRunner(TimerFunction function, FunctionDispatcher dispatcher, TimeProvider time, ILogger logger)
{
    // Longer waits are split; timers cannot wait more than about 49 days at once.
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);
    private static readonly TimeSpan PastDueAfter = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var schedule = CrontabSchedule.Parse(function.Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        DateTimeOffset? last = null;
        var from = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = new DateTimeOffset(schedule.GetNextOccurrence(from.UtcDateTime), TimeSpan.Zero);
            Log.TimerScheduled(logger, function.Name, function.Schedule, next);
            if (!await WaitUntilAsync(next, stoppingToken))
            {
                return;
            }

            var now = time.GetUtcNow();
            var status = new TimerScheduleStatus(last, next, now);
            using var body = new MemoryStream(LocalEnvelopes.Timer(function.Name, status, now - next > PastDueAfter, now));
            // A failed run is not retried (contract §1.5); the dispatcher has logged it.
            await dispatcher.DispatchAsync(function.Name, body, Guid.NewGuid().ToString(), stoppingToken);
            last = next;
            var after = time.GetUtcNow();
            from = after > next ? after : next;
        }
    }

    private async Task<bool> WaitUntilAsync(DateTimeOffset due, CancellationToken stoppingToken)
    {
        try
        {
            for (var wait = due - time.GetUtcNow(); wait > TimeSpan.Zero; wait = due - time.GetUtcNow())
            {
                await Task.Delay(wait < MaxWait ? wait : MaxWait, time, stoppingToken);
            }

            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
