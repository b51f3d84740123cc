using Microsoft.DurableTask;
using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Workflow;

/// <summary>
/// One orchestration per incident (instance id = incident id), its single writer. It waits for what happens next (an
/// inbound event from the inbox, or the earliest of its durable timers), has it applied by the pure decider at
/// <c>context.CurrentUtcDateTime</c> (<see cref="ApplyIncidentEvent"/>), then carries out the commands the decider
/// returned: activities, and timers it keeps. Every <see cref="EventsPerExecution"/> events it continues as new with its
/// pending timers, keeping buffered events. It completes once nothing can happen to the incident any more.
/// </summary>
public static class IncidentOrchestration
{
    public const int EventsPerExecution = 50;

    /// <summary>Activities retry transient failures for about two hours, then the instance fails (runbook: docs/operations.md).</summary>
    public static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 15, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(10)));

    [Function(IncidentOrchestrationNames.Orchestration)]
    public static Task Run([OrchestrationTrigger] TaskOrchestrationContext context, IncidentOrchestrationInput input) =>
        new Flow(context, input).RunAsync();

    private sealed class Flow(TaskOrchestrationContext context, IncidentOrchestrationInput input)
    {
        private readonly IncidentOrchestrationInput _input = input;

        private readonly List<PendingTimer> _timers = [];
        private int _handled;
        private string? _lastEvent;
        private EventOutcome? _lastOutcome;

        private string IncidentId => _input.IncidentId;

        public async Task RunAsync()
        {
            _timers.AddRange(_input.Timers);
            if (IncidentOrchestrationNames.RecoversTimers(context.Version))
            {
                // Version 2: the state's armed reminders too (none before the report is applied), so a restarted instance,
                // whose input is an earlier execution's, loses none. A pending reminder keeps its entry; a due one is not listed.
                var armed = await context.CallActivityAsync<List<PendingTimer>>(IncidentOrchestrationNames.PendingTimers, IncidentId, Retry);
                _timers.AddRange(armed.Where(a => _timers.All(t => t.TimerId != a.TimerId)));
            }

            if (_input.FirstEventId is { } first && await HandleAsync(first, timer: null))
            {
                return;
            }

            Task<InboundSignal>? inbound = null;
            while (true)
            {
                // One waiter at a time: a timer that wins leaves it in place for the next event.
                inbound ??= context.WaitForExternalEvent<InboundSignal>(IncidentOrchestrationNames.InboundEvent);
                var next = _timers.OrderBy(t => t.DueAt).ThenBy(t => t.TimerId, StringComparer.Ordinal).FirstOrDefault();
                using var cancel = new CancellationTokenSource();
                var timer = next is null ? null : context.CreateTimer(next.DueAt.UtcDateTime, cancel.Token);
                var won = timer is null ? inbound : await Task.WhenAny(inbound, timer);

                bool terminal;
                if (won == inbound)
                {
                    // Synchronously: orchestrator code must not hop threads (CancelAsync would run on the thread pool).
#pragma warning disable CA1849
                    cancel.Cancel();
#pragma warning restore CA1849
                    var signal = await inbound;
                    inbound = null;
                    terminal = await HandleAsync(signal.EventId, timer: null);
                }
                else if (context.CurrentUtcDateTime < next!.DueAt.UtcDateTime)
                {
                    // Storage queues make a timer visible to the second: one early by a fraction waits out the rest.
                    continue;
                }
                else
                {
                    _timers.Remove(next);
                    terminal = await HandleAsync(null, next);
                }

                if (terminal)
                {
                    return;
                }

                if (++_handled >= EventsPerExecution)
                {
                    context.ContinueAsNew(new IncidentOrchestrationInput(IncidentId, null, [.. _timers]), preserveUnprocessedEvents: true);
                    return;
                }
            }
        }

        /// <summary>Applies one event and carries out what it decided; true when the incident is done with.</summary>
        private async Task<bool> HandleAsync(string? eventId, PendingTimer? timer)
        {
            var result = await context.CallActivityAsync<ApplyResult>(
                nameof(ApplyIncidentEvent), new ApplyRequest(IncidentId, eventId, timer, context.CurrentUtcDateTime), Retry);
            _lastEvent = eventId ?? $"timer-fired:{timer!.TimerId}";
            _lastOutcome = result.Outcome;
            var terminal = await CarryOutAsync(result);
            var nextTimer = _timers.OrderBy(t => t.DueAt).FirstOrDefault();
            context.SetCustomStatus(new IncidentOrchestrationStatus(_lastEvent, context.CurrentUtcDateTime, _lastOutcome, nextTimer, _timers.Count, _handled + 1, context.Version));
            return terminal;
        }

        /// <summary>The commands of one decision, in the order the decider gave them; an activity's own commands follow it.</summary>
        private async Task<bool> CarryOutAsync(ApplyResult result)
        {
            var terminal = result.Terminal;
            foreach (var command in result.Commands)
            {
                switch (command)
                {
                    case ScheduleTimer t:
                        _timers.RemoveAll(p => p.TimerId == t.TimerId);
                        _timers.Add(new PendingTimer(t.TimerId, t.Kind, t.DueAt));
                        break;
                    default:
                        var done = await context.CallActivityAsync<ApplyResult>(
                            ActivityFor(command), new CommandRequest(IncidentId, command, context.CurrentUtcDateTime), Retry);
                        terminal |= await CarryOutAsync(done);
                        break;
                }
            }

            return terminal;
        }
    }

    /// <summary>The activity that carries out a command: one per kind of command.</summary>
    public static string ActivityFor(WorkflowCommand command) => command switch
    {
        AssessHarm => Assessment.AssessHarmActivity.Name,
        Domain.Incidents.SendReminder => Reminders.SendReminder.Name,
        SendDeletionRequests => Containment.SendDeletionRequestsActivity.Name,
        SendCommissionerReport => Reports.SendCommissionerReportActivity.Name,
        _ => throw new NotSupportedException($"No activity carries out {command.GetType().Name}."),
    };
}
