using Microsoft.Azure.Functions.Worker;
using NCrontab;

namespace Notifications.LocalRuntime;

/// <summary>
/// Fires a timer function on its NCRONTAB schedule (with seconds, UTC) on the injected clock, as the host does: at start
/// it runs once if an occurrence was missed while nothing ran (<see cref="TimerInfo.IsPastDue"/>, from the schedule status
/// the monitor keeps) or else if the binding says <c>runOnStartup</c>. A failed run is not retried; the next occurrence runs.
/// </summary>
internal sealed class TimerRunner(LocalFunction function, IServiceScopeFactory scopes, TimerScheduleMonitor? monitor, TimeProvider time, ILogger logger)
{
    // Longer waits are split; timers cannot wait more than about 49 days at once.
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    private TimerTrigger Trigger => (TimerTrigger)function.Trigger;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var schedule = CrontabSchedule.Parse(Trigger.Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        var now = time.GetUtcNow();
        var status = await ReadStatusAsync(stoppingToken);
        if (status is { } recorded && recorded.Next < now.UtcDateTime)
        {
            await FireAsync(schedule, recorded.Next, isPastDue: true, stoppingToken);
        }
        else if (Trigger.RunOnStartup)
        {
            await FireAsync(schedule, now.UtcDateTime, isPastDue: false, stoppingToken);
        }
        else if (status is null)
        {
            await WriteStatusAsync(new ScheduleStatus { Last = default, Next = schedule.GetNextOccurrence(now.UtcDateTime), LastUpdated = now.UtcDateTime }, stoppingToken);
        }

        var from = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = new DateTimeOffset(schedule.GetNextOccurrence(from.UtcDateTime), TimeSpan.Zero);
            Log.TimerScheduled(logger, function.Name, Trigger.Schedule, next);
            if (!await WaitUntilAsync(next, stoppingToken))
            {
                return;
            }

            await FireAsync(schedule, next.UtcDateTime, isPastDue: false, stoppingToken);
            var after = time.GetUtcNow();
            from = after > next ? after : next;
        }
    }

    private async Task FireAsync(CrontabSchedule schedule, DateTime occurrence, bool isPastDue, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var status = new ScheduleStatus { Last = occurrence, Next = schedule.GetNextOccurrence(now), LastUpdated = now };
        Log.TimerFired(logger, function.Name, isPastDue);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var info = new TimerInfo { IsPastDue = isPastDue, ScheduleStatus = monitor is null ? null : status };
            await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, info, new Dictionary<string, object?>(), stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            Log.TimerFailed(logger, ex, function.Name);
        }

        await WriteStatusAsync(status, stoppingToken);
    }

    private async Task<ScheduleStatus?> ReadStatusAsync(CancellationToken ct)
    {
        try
        {
            return monitor is null ? null : await monitor.GetAsync(function.Name, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ScheduleMonitorFailed(logger, ex, function.Name);
            return null;
        }
    }

    private async Task WriteStatusAsync(ScheduleStatus status, CancellationToken ct)
    {
        try
        {
            if (monitor is not null)
            {
                await monitor.SetAsync(function.Name, status, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ScheduleMonitorFailed(logger, ex, function.Name);
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
