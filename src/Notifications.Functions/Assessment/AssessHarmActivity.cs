using Notifications.Domain.Assessment;
using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Assessment;

/// <summary>
/// Activity: runs the harm assessment on one version of an incident's facts under the incident's own policy pack, at the
/// orchestration's time, and applies the proposal. A newer version's assessment makes an older one moot. Idempotent:
/// the proposal's event id is per facts version, so a second run applies nothing new.
/// </summary>
public sealed partial class AssessHarmActivity(IncidentStore store, IncidentApplier applier, ILogger<AssessHarmActivity> logger)
{
    public const string Name = "AssessHarm";

    [Function(Name)]
    public async Task<ApplyResult> Run([ActivityTrigger] CommandRequest request, CancellationToken cancellationToken)
    {
        using var span = Infrastructure.Telemetry.Source.StartActivity(Name);
        span?.SetTag("incident.id", request.IncidentId);
        var command = request.Command as AssessHarm ?? throw new FormatException("Expected an assess-harm command.");
        var (state, _) = await store.LoadAsync(request.IncidentId, cancellationToken);
        if (state.Facts is null || state.FactsVersion != command.FactsVersion || state.Status == IncidentStatus.Closed)
        {
            LogMoot(request.IncidentId, command.FactsVersion, state.FactsVersion);
            return ApplyResult.Nothing(EventOutcome.Ignored);
        }

        var proposal = HarmAssessor.Assess(state.Facts, IncidentDecider.PackOf(state), request.Now);
        var proposed = new AssessmentProposed(proposal, command.FactsVersion) { EventId = $"assessment-proposed:v{command.FactsVersion}" };
        var result = await applier.ApplyAsync(request.IncidentId, proposed, Actor.Activity("assess-harm"), request.Now, fromInbox: false, cancellationToken);
        LogProposed(request.IncidentId, command.FactsVersion, proposal.SignificantHarm, proposal.Level.ToString());
        return result;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Incident {IncidentId}: facts v{FactsVersion} assessed: significant {Significant}, level {Level}")]
    private partial void LogProposed(string incidentId, int factsVersion, bool significant, string level);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Incident {IncidentId}: assessment of facts v{FactsVersion} is moot (now v{Current})")]
    private partial void LogMoot(string incidentId, int factsVersion, int current);
}
