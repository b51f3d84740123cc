using Notifications.Functions.Hosting;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Workflow;

/// <summary>Every minute: dispatch outbox rows that a crash left behind between commit and dispatch.</summary>
public sealed class RedriveOutbox(OutboxSweeper sweeper) : ITimerFunction
{
    public static readonly TimerFunction Function = new("RedriveOutbox", "0 */1 * * * *", typeof(RedriveOutbox));

    public Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken) =>
        sweeper.RedriveAsync(OutboxSweeper.Grace, cancellationToken);
}
