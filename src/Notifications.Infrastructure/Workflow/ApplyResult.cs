using Notifications.Domain.Incidents;

namespace Notifications.Infrastructure.Workflow;

/// <summary>
/// What applying one inbound event to an incident gave: its outcome, and the commands the decider returned for the
/// orchestration to carry out (ids and times only). A re-run of the same event returns the same commands.
/// </summary>
/// <param name="Terminal">Nothing can happen to the incident any more (closed, and its contact data purged).</param>
public sealed record ApplyResult(EventOutcome Outcome, IReadOnlyList<WorkflowCommand> Commands, string? Detail, bool Terminal)
{
    public static ApplyResult Nothing(EventOutcome outcome, string? detail = null, bool terminal = false) => new(outcome, [], detail, terminal);
}
