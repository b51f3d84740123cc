using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Workflow;

/// <summary>Every minute: dispatch outbox rows that a crash left behind between commit and dispatch.</summary>
public sealed class RedriveOutbox(OutboxSweeper sweeper)
{
    [Function(nameof(RedriveOutbox))]
    public Task Run([TimerTrigger("0 */1 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.RedriveAsync(OutboxSweeper.Grace, cancellationToken);
}
