using Notifications.Domain.Assessment;
using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Storage;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Assessment;

/// <summary>
/// Queue-triggered activity: run the harm assessment on one version of an incident's facts under the incident's own
/// policy pack, and report the proposal. A newer version's assessment makes an older one moot.
/// </summary>
public sealed partial class AssessHarmActivity(IncidentStore store, WorkflowEngine engine, TimeProvider clock, ILogger<AssessHarmActivity> logger)
{
    public const string Name = "AssessHarm";

    [Function(Name)]
    public async Task Run([QueueTrigger(StorageNames.AssessmentsQueue)] string text, CancellationToken cancellationToken)
    {
        var message = ActivityMessage.Parse(text);
        using var span = Infrastructure.Telemetry.StartConsumer(Name, message.TraceParent, message.IncidentId);
        var command = message.Command as AssessHarm ?? throw new FormatException("Expected an assess-harm command.");
        var (state, _) = await store.LoadAsync(message.IncidentId, cancellationToken);
        if (state.Facts is null || state.FactsVersion != command.FactsVersion || state.Status == IncidentStatus.Closed)
        {
            LogMoot(message.IncidentId, command.FactsVersion, state.FactsVersion);
            return;
        }

        var proposal = HarmAssessor.Assess(state.Facts, IncidentDecider.PackOf(state), clock.GetUtcNow());
        var proposed = new AssessmentProposed(proposal, command.FactsVersion) { EventId = $"assessment-proposed:v{command.FactsVersion}" };
        await engine.HandleAsync(message.IncidentId, proposed, Actor.Activity("assess-harm"), cancellationToken);
        LogProposed(message.IncidentId, command.FactsVersion, proposal.SignificantHarm, proposal.Level.ToString());
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Incident {IncidentId}: facts v{FactsVersion} assessed: significant {Significant}, level {Level}")]
    private partial void LogProposed(string incidentId, int factsVersion, bool significant, string level);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Incident {IncidentId}: assessment of facts v{FactsVersion} is moot (now v{Current})")]
    private partial void LogMoot(string incidentId, int factsVersion, int current);
}
